/**
 * A small set of news pages in Persian, Arabic, Chinese and Russian,
 * generated here (nothing committed), each the way such pages come: the
 * language and direction on <html>, the title in JSON-LD (once in CDATA),
 * OpenGraph or <title>, and bytes in UTF-8 or the legacy charset the page
 * declares. Used by the import tests and the reader's e2e test.
 */

export interface LanguagePage {
  language: string
  dir: 'rtl' | 'ltr'
  fileName: string
  /** The title Factmark must find. */
  title: string
  /** Sentences of the article, each a paragraph. */
  sentences: string[]
  bytes: Buffer
}

const article = (sentences: string[]) => sentences.map((sentence) => `<p>${sentence} ${sentence}</p>`).join('\n')
const ld = (headline: string, cdata = false) => {
  const json = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline })
  return `<script type="application/ld+json">${cdata ? `//<![CDATA[\n${json}\n//]]>` : json}</script>`
}

/** windows-1251 bytes of Russian text (Cyrillic А–я, Ё/ё and ASCII are all it holds). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!
      if (code < 0x80) return code
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
      if (char === 'Ё') return 0xa8
      if (char === 'ё') return 0xb8
      if (char === '«') return 0xab
      if (char === '»') return 0xbb
      if (char === '—') return 0x97
      throw new Error(`no windows-1251 byte for ${char}`)
    })
  )
}

const persian = {
  title: 'وزارت بهداشت گزارش کامل را منتشر کرد',
  sentences: [
    'سخنگوی وزارت بهداشت روز دوشنبه گفت که گزارش کامل بررسی‌ها منتشر شده است.',
    'به گفته او، بیش از ۱۲۰ بیمارستان در این بررسی شرکت داشته‌اند.',
    'منتقدان می‌گویند که ارقام اعلام‌شده با داده‌های پیشین همخوانی ندارد.',
    'وزارت اعلام کرد که داده‌های خام نیز تا پایان ماه در دسترس خواهد بود.'
  ]
}
const arabic = {
  title: 'الوزارة تنشر التقرير الكامل عن المستشفيات',
  sentences: [
    'قال المتحدث باسم الوزارة يوم الاثنين إن التقرير الكامل قد نُشر.',
    'وأضاف أن أكثر من مئة وعشرين مستشفى شاركت في الدراسة.',
    'ويقول المنتقدون إن الأرقام المعلنة لا تتفق مع البيانات السابقة.',
    'وأعلنت الوزارة أن البيانات الأولية ستتاح قبل نهاية الشهر.'
  ]
}
const chinese = {
  title: '卫生部发布医院调查完整报告',
  sentences: [
    '卫生部发言人星期一表示，完整的调查报告已经发布。',
    '他说，共有一百二十多家医院参与了这项调查。',
    '批评者认为，公布的数字与此前的数据并不一致。',
    '卫生部表示，原始数据将在月底前公开。'
  ]
}
const russian = {
  title: 'Министерство опубликовало полный доклад о больницах',
  sentences: [
    'Представитель министерства заявил в понедельник, что полный доклад опубликован.',
    'По его словам, в исследовании участвовали более ста двадцати больниц.',
    'Критики говорят, что объявленные цифры не совпадают с прежними данными.',
    'Министерство сообщило, что исходные данные станут доступны до конца месяца.'
  ]
}

export const languagePages: LanguagePage[] = [
  {
    language: 'fa',
    dir: 'rtl',
    fileName: 'persian.html',
    ...persian,
    bytes: Buffer.from(
      `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${persian.title} | خبرگزاری</title>${ld(persian.title)}</head>` +
        `<body><nav><a href="/">خانه</a></nav><article><h1>${persian.title}</h1>${article(persian.sentences)}</article></body></html>`
    )
  },
  {
    language: 'ar',
    dir: 'rtl',
    fileName: 'arabic.html',
    ...arabic,
    bytes: Buffer.from(
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${arabic.title} - الموقع</title>` +
        `<meta property="og:title" content="${arabic.title}"></head><body><main><article><h1>${arabic.title}</h1>${article(arabic.sentences)}</article></main></body></html>`
    )
  },
  {
    // Saved as UTF-8 while the page still declares gb2312.
    language: 'zh-CN',
    dir: 'ltr',
    fileName: 'chinese.html',
    ...chinese,
    bytes: Buffer.from(
      `<!doctype html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${chinese.title}</title></head>` +
        `<body><article><h1>${chinese.title}</h1>${article(chinese.sentences)}</article></body></html>`
    )
  },
  {
    // In the legacy charset it declares, its JSON-LD in CDATA.
    language: 'ru',
    dir: 'ltr',
    fileName: 'russian.html',
    ...russian,
    bytes: windows1251(
      `<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>${russian.title} — Новости</title>${ld(russian.title, true)}</head>` +
        `<body><article><h1>${russian.title}</h1>${article(russian.sentences)}</article></body></html>`
    )
  }
]
