/**
 * Decodes a file that is not valid UTF-8 throughout, line by line: a line that is
 * valid UTF-8 is read as UTF-8, any other line as Windows-1252 (a superset of
 * Latin-1's printable characters). So an old export is read right, and a UTF-8 file
 * with one pasted Latin-1 row keeps its good rows intact instead of being decoded
 * wrongly as a whole.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';

export class LineDecoder extends Transform {
  #pending: Buffer = Buffer.alloc(0);
  #line = 0;
  /** 1-based numbers of the physical lines read as Windows-1252. */
  readonly legacyLines: number[] = [];

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    let start = 0;
    for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, start)) {
      this.push(this.#decode(data.subarray(start, i + 1)));
      start = i + 1;
    }
    this.#pending = Buffer.from(data.subarray(start));
    data = Buffer.alloc(0);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.#pending.length > 0) this.push(this.#decode(this.#pending));
    done();
  }

  #decode(line: Buffer): string {
    this.#line++;
    if (isUtf8(line)) return line.toString('utf8');
    this.legacyLines.push(this.#line);
    return iconv.decode(line, 'win1252');
  }
}
