/**
 * Atomic file writing: the content goes to a temporary file beside the target, is flushed
 * to disk, and then renamed over the target. A reader sees either the old file or the
 * complete new one, never a partial file, whatever fails in between (an exception while
 * producing the content, a full disk, Ctrl-C): on failure the temporary file is removed
 * and the target is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What {@link atomicWrite} accepts: the whole content, or chunks produced one after another. */
export type AtomicWriteContent =
  | string
  | Uint8Array
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>;

/** The temporary file name used for `path`: hidden, in the same directory (so rename is atomic). */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `content` to `path` atomically (temporary file, fsync, rename).
 *
 * The directory must exist. Chunked content (an iterable or async iterable) lets large
 * files be produced piece by piece; if the producer throws, nothing is renamed and the
 * error is rethrown.
 *
 * @example
 * await atomicWrite('results/run/result.json', JSON.stringify(result));
 */
export async function atomicWrite(path: string, content: AtomicWriteContent): Promise<void> {
  const temp = temporaryPathFor(path);
  const handle = await open(temp, 'wx');
  let written = false;
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await handle.writeFile(content);
    } else {
      // writeFile on a handle writes from the current position, so successive calls append.
      for await (const chunk of content) await handle.writeFile(chunk);
    }
    await handle.sync();
    written = true;
  } finally {
    await handle.close();
    if (!written) await unlink(temp).catch(() => undefined);
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Flushes a directory entry (the rename) to disk where the platform allows it; best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported everywhere (e.g. Windows); the rename itself is still atomic.
  }
}
