/**
 * What the file system and SQLite say when a file cannot be read or written, in the planner's words:
 * one place for every door (the service wrapper, the CLI's own reads and writes). A full disk says the
 * disk is full and that nothing saved was lost (a plan write is one transaction: it rolled back); a
 * folder given as a file, a missing folder, a path holding a NUL character each say which path.
 * Anything else is not ours to explain and is returned as null (the caller reports it as it is).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';

interface SysError {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  message?: unknown;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** A path as the message shows it: a NUL (or other control character) made visible. */
export function shownPath(p: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this makes visible
  return p.replace(/[\u0000-\u001f]/g, (c) => (c === '\0' ? '\\0' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** Whether a path holds a NUL character (Node refuses it; C would cut the path there). */
export const hasNul = (p: string): boolean => p.includes('\0');

/** The refusal of a path holding a NUL character, naming the path. */
export function nulPathError(p: string): ApiError {
  return new ApiError(
    'INVALID_ARGS',
    `路径「${shownPath(p)}」含有空字符（\\0），不是有效的文件路径：请重新填写`,
    `The path "${shownPath(p)}" holds a NUL character (\\0) and is not a valid file path: type it again`,
    { path: shownPath(p) },
  );
}

/**
 * The ApiError for a file-system or SQLite error `e` met while reading or writing `file` (the error's
 * own path when it has one), or null when `e` is not such an error. `file` is the path the planner
 * gave (the plan for a SQLite error).
 */
export function fileErrorOf(e: unknown, file?: string | null): ApiError | null {
  if (e instanceof ApiError || typeof e !== 'object' || e === null) return null;
  const x = e as SysError;
  const code = typeof x.code === 'string' ? x.code : '';
  if (!code) return null;
  const p = typeof x.path === 'string' ? x.path : (file ?? null);
  const at = p ? `「${shownPath(p)}」` : '';
  const atEn = p ? ` "${shownPath(p)}"` : '';
  const sqlite = code.startsWith('SQLITE_');
  const details = { cause: code, ...(p ? { path: shownPath(p) } : {}) };

  if (DISK_FULL.has(code)) {
    return new ApiError(
      'FILE_ERROR',
      sqlite
        ? `磁盘已满，无法写入${at}。已保存的数据没有丢失：这次的改动没有写入，方案保持改动前的样子。请腾出磁盘空间后再试一次。`
        : `磁盘已满，无法写入${at}，这个文件没有写完整。方案和已保存的数据没有丢失。请腾出磁盘空间后再试一次。`,
      sqlite
        ? `The disk is full: could not write${atEn}. Nothing saved was lost: this change was not written, the plan is as it was before it. Free some disk space and try again.`
        : `The disk is full: could not write${atEn}, so that file is incomplete. The plan and everything saved are as they were. Free some disk space and try again.`,
      details,
    );
  }
  // Node refuses a path with a NUL byte (ERR_INVALID_ARG_VALUE / ERR_INVALID_ARG_TYPE: "… without null bytes").
  if ((code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') && /null bytes/i.test(String(x.message))) {
    return nulPathError(file ?? p ?? '');
  }
  switch (code) {
    case 'EISDIR':
      return new ApiError(
        'FILE_ERROR',
        `${at || '所给路径'}是文件夹，不是文件：请选择文件夹中的文件，或给出文件名。`,
        `${atEn ? atEn.trim() : 'The path'} is a folder, not a file: choose a file in it, or give a file name.`,
        details,
      );
    case 'ENOTDIR':
      return new ApiError(
        'FILE_ERROR',
        `路径${at}中有一段不是文件夹（是文件）：请检查路径。`,
        `Part of the path${atEn} is a file, not a folder: check the path.`,
        details,
      );
    case 'ENOENT': {
      if (!p) return new ApiError('NOT_FOUND', '找不到文件或文件夹。', 'File or folder not found.', details);
      const dir = missingFolder(p);
      if (dir) {
        return new ApiError(
          'FILE_ERROR',
          `文件夹「${shownPath(dir)}」不存在：请先建好这个文件夹，或换一个位置（${shownPath(p)}）。`,
          `The folder "${shownPath(dir)}" does not exist: create it first, or choose another place (${shownPath(p)}).`,
          { ...details, folder: shownPath(dir) },
        );
      }
      return new ApiError('NOT_FOUND', `找不到文件${at}。`, `File not found:${atEn}.`, details);
    }
    case 'EACCES':
    case 'EPERM':
      return new ApiError(
        'FILE_ERROR',
        `没有权限读写${at}：请换一个位置，或请管理员开放权限。`,
        `No permission to read or write${atEn}: choose another place, or ask for access.`,
        details,
      );
    case 'EROFS':
      return new ApiError(
        'FILE_ERROR',
        `${at || '这个位置'}在只读的磁盘上，无法写入：请换一个位置。`,
        `${atEn ? atEn.trim() : 'This place'} is on a read-only disk: choose another place.`,
        details,
      );
    case 'ENAMETOOLONG':
      return new ApiError('FILE_ERROR', `路径太长${at}：请换一个短一些的文件名或位置。`, `The path is too long${atEn}: use a shorter name or place.`, details);
    case 'EMFILE':
    case 'ENFILE':
      return new ApiError('FILE_ERROR', '同时打开的文件太多：请关闭一些程序后再试。', 'Too many files are open: close some programs and try again.', details);
    case 'EIO':
      return new ApiError(
        'FILE_ERROR',
        `读写${at}时磁盘出错（${code}）：请检查磁盘或 U 盘是否仍然连接。`,
        `A disk error while reading or writing${atEn} (${code}): check that the disk or USB drive is still connected.`,
        details,
      );
    default:
      if (code.startsWith('SQLITE_IOERR')) {
        return new ApiError(
          'FILE_ERROR',
          `读写${at}时磁盘出错（${code}）：请检查磁盘或 U 盘是否仍然连接。已保存的数据没有因此改动。`,
          `A disk error while reading or writing${atEn} (${code}): check that the disk or USB drive is still connected. Nothing saved was changed by it.`,
          details,
        );
      }
      return null;
  }
}

/** The folder `file` would be in, when that folder does not exist (else null). */
function missingFolder(file: string): string | null {
  const dir = path.dirname(path.resolve(file));
  try {
    return fs.existsSync(dir) ? null : dir;
  } catch {
    return null;
  }
}
