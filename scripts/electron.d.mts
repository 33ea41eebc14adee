export interface ElectronPackage {
  dir: string
  version: string
  /** The NODE_MODULE_VERSION native modules must be built for, when known. */
  abi: string | undefined
}
export type Missing = { reason: string } & Partial<ElectronPackage>
export function electronPackage(): ElectronPackage | { reason: string }
export function findElectron(options?: { download?: boolean }): (ElectronPackage & { binary: string; resourcesPath: string }) | Missing
