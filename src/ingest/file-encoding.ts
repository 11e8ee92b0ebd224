/**
 * Which encoding a roster file is in. Old membership systems export Latin-1 or
 * Windows-1252; Excel may write UTF-16; everyone else writes UTF-8, with or without
 * BOM. The file is scanned once, streaming, before parsing: a file that is valid
 * UTF-8 throughout is UTF-8, otherwise Windows-1252 (a superset of Latin-1's
 * printable characters). Binary files are refused.
 */
import { createReadStream } from 'node:fs';
import { PartnerfitError } from '../core/errors.ts';

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingInfo {
  readonly encoding: FileEncoding;
  readonly bytes: number;
}

const SNIFF_BYTES = 64 * 1024;

export async function detectEncoding(file: string): Promise<EncodingInfo> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  let head: Buffer | null = null;
  for await (const chunk of createReadStream(file, { highWaterMark: SNIFF_BYTES })) {
    const buffer = chunk as Buffer;
    if (head === null) {
      head = buffer;
      const bom = bomEncoding(buffer);
      if (bom === 'utf-16le' || bom === 'utf-16be') return { encoding: bom, bytes: -1 };
      assertText(buffer, file);
    }
    bytes += buffer.length;
    if (validUtf8) {
      try {
        decoder.decode(buffer, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      decoder.decode();
    } catch {
      validUtf8 = false;
    }
  }
  return { encoding: validUtf8 ? 'utf-8' : 'windows-1252', bytes };
}

function bomEncoding(buffer: Buffer): FileEncoding | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  return null;
}

/** Refuses files that are clearly not text: NUL bytes or many control characters. */
function assertText(buffer: Buffer, file: string): void {
  let control = 0;
  for (const byte of buffer) {
    if (byte === 0) {
      throw new PartnerfitError('unusable-input', `${file} is a binary file, not a roster (it contains NUL bytes)`);
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  if (control > Math.max(4, buffer.length * 0.01)) {
    throw new PartnerfitError('unusable-input', `${file} is a binary file, not a roster (${control} control characters in the first ${buffer.length} bytes)`);
  }
}
