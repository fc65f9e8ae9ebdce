/**
 * Reading a value PHP's `serialize()` wrote, as WordPress stores some post
 * meta (`_wp_attachment_metadata`, where a picture's IPTC credit lives). Only
 * plain data — strings, numbers, booleans, null and arrays — is read; objects
 * and references are refused, never instantiated: this is data, not code.
 * Strings are counted in bytes, as PHP counts them.
 */

export type PhpValue = string | number | boolean | null | PhpArray;
export interface PhpArray {
  [key: string]: PhpValue;
}

const MAX_DEPTH = 16;

class Reader {
  private at = 0;
  constructor(private readonly bytes: Buffer) {}

  private fail(): never {
    throw new Error('not a PHP-serialised value');
  }

  private expect(char: string): void {
    if (this.bytes[this.at] !== char.charCodeAt(0)) this.fail();
    this.at++;
  }

  private until(char: string): string {
    const end = this.bytes.indexOf(char.charCodeAt(0), this.at);
    if (end < 0) this.fail();
    const text = this.bytes.toString('latin1', this.at, end);
    this.at = end + 1;
    return text;
  }

  private integer(text: string): number {
    if (!/^-?\d{1,15}$/.test(text)) this.fail();
    return Number(text);
  }

  value(depth: number): PhpValue {
    if (depth > MAX_DEPTH) this.fail();
    const type = String.fromCharCode(this.bytes[this.at] ?? 0);
    this.at++;
    if (type === 'N') {
      this.expect(';');
      return null;
    }
    this.expect(':');
    switch (type) {
      case 'b':
        return this.integer(this.until(';')) !== 0;
      case 'i':
        return this.integer(this.until(';'));
      case 'd': {
        const n = Number(this.until(';'));
        return Number.isFinite(n) ? n : this.fail();
      }
      case 's': {
        const length = this.integer(this.until(':'));
        this.expect('"');
        if (length < 0 || this.at + length > this.bytes.length) this.fail();
        const text = this.bytes.toString('utf8', this.at, this.at + length);
        this.at += length;
        this.expect('"');
        this.expect(';');
        return text;
      }
      case 'a': {
        const count = this.integer(this.until(':'));
        if (count < 0 || count > this.bytes.length) this.fail();
        this.expect('{');
        const array: PhpArray = Object.create(null) as PhpArray;
        for (let n = 0; n < count; n++) {
          const key = this.value(depth + 1);
          if (typeof key !== 'string' && typeof key !== 'number') this.fail();
          array[String(key)] = this.value(depth + 1);
        }
        this.expect('}');
        return array;
      }
      default:
        return this.fail();
    }
  }

  done(): boolean {
    return this.at === this.bytes.length;
  }
}

/** The value, or undefined when the text is not plain serialised data. */
export function readPhpSerialized(text: string): PhpValue | undefined {
  try {
    const reader = new Reader(Buffer.from(text, 'utf8'));
    const value = reader.value(0);
    return reader.done() ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The picture credit WordPress read from a photo's IPTC data (`image_meta.credit`), if any. */
export function attachmentCredit(metadata: string | undefined): string | undefined {
  if (!metadata) return undefined;
  const value = readPhpSerialized(metadata);
  if (!value || typeof value !== 'object') return undefined;
  const meta = value['image_meta'];
  const credit = meta && typeof meta === 'object' ? meta['credit'] : undefined;
  return typeof credit === 'string' && credit.trim() ? credit.trim() : undefined;
}
