export const BINDING_FILE: string
export function electronBuildOfSqlite(projectDir: string, platform?: string, arch?: string): string
