import * as vscode from 'vscode';
import { readArchive, type ArchiveContents } from '../../server/src/core/input/archive';

export const ARCHIVE_SCHEME = 'gsmlens-archive';

/** `gsmlens-archive:/path/to/troubleshoot.tar.gz!/system.log`: the archive, then the entry. */
export function archiveEntryUri(archive: vscode.Uri, entry: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ARCHIVE_SCHEME, path: `${archive.fsPath}!/${entry.replace(/^\/+/, '')}` });
}

function split(uri: vscode.Uri): { archive: string; entry: string } {
  const at = uri.path.indexOf('!/');
  return at < 0 ? { archive: uri.path, entry: '' } : { archive: uri.path.slice(0, at), entry: uri.path.slice(at + 2).replace(/\/+$/, '') };
}

/**
 * Troubleshoot archives as a read-only file system: their files open in the editor (the logs as
 * Router Log, with their problems) without anything being extracted to disk.
 */
export class ArchiveFileSystem implements vscode.FileSystemProvider {
  private readonly cache = new Map<string, Promise<ArchiveContents>>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  contents(archivePath: string): Promise<ArchiveContents> {
    let p = this.cache.get(archivePath);
    if (!p) {
      p = readArchive(archivePath);
      this.cache.set(archivePath, p);
      p.catch(() => this.cache.delete(archivePath));
    }
    return p;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { archive, entry } = split(uri);
    const c = await this.contents(archive);
    const file = c.files.find((f) => f.path === entry);
    if (file) return { type: vscode.FileType.File, ctime: file.mtime ?? 0, mtime: file.mtime ?? 0, size: file.size, permissions: vscode.FilePermission.Readonly };
    if (entry === '' || c.files.some((f) => f.path.startsWith(entry + '/'))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { archive, entry } = split(uri);
    const c = await this.contents(archive);
    const prefix = entry ? entry + '/' : '';
    const children = new Map<string, vscode.FileType>();
    for (const f of c.files) {
      if (!f.path.startsWith(prefix)) continue;
      const rest = f.path.slice(prefix.length);
      const [head, ...tail] = rest.split('/');
      if (head) children.set(head, tail.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...children].sort((a, b) => a[0].localeCompare(b[0]));
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { archive, entry } = split(uri);
    const file = (await this.contents(archive)).files.find((f) => f.path === entry);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.content;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
