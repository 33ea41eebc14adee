export function registeredAbis(bytes: Uint8Array): string[]
export function verifyModuleAbi(file: string, expected: string | undefined, runtime?: string): void
