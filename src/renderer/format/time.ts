/** The one way dates and times are shown: Intl, in the OS locale. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** An ISO time, as a date and time. */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso))

/** An ISO time or a YYYY-MM-DD day, as a date. A bare day is that day wherever the analyst is. */
export const formatDate = (iso: string) => dateOnly.format(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso))
