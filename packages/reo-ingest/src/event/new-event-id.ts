import { V7Generator } from "uuidv7";

/** Random numbers for the generator: Web Crypto, drawn 4 KiB at a time rather than 32 bytes (uuidv7's default). */
function bufferedCryptoRandom(): { nextUint32(): number } | undefined {
  if (typeof crypto === "undefined" || typeof crypto.getRandomValues !== "function") {
    return undefined; // uuidv7's own default (its fallback rules apply)
  }
  const buffer = new Uint32Array(1024);
  let cursor = buffer.length;
  return {
    nextUint32() {
      if (cursor >= buffer.length) {
        crypto.getRandomValues(buffer);
        cursor = 0;
      }
      return buffer[cursor++] as number;
    },
  };
}

let generator: V7Generator | undefined;
const HEX_DIGITS = "0123456789abcdef";
/** Where each byte's two hex digits go in the 8-4-4-4-12 form; the rest are hyphens. */
const DIGIT_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const codes: number[] = new Array<number>(36).fill(0x2d);

/**
 * A new UUIDv7 in its canonical 8-4-4-4-12 form: uuidv7's monotonic generator, written out as one flat string (the
 * library's `toString()` builds it from 50 concatenations, which cost time and memory per event).
 */
export function newEventId(): string {
  generator ??= new V7Generator(bufferedCryptoRandom());
  const bytes = generator.generate().bytes;
  for (let index = 0; index < 16; index++) {
    const at = DIGIT_AT[index] as number;
    const byte = bytes[index] as number;
    codes[at] = HEX_DIGITS.charCodeAt(byte >>> 4);
    codes[at + 1] = HEX_DIGITS.charCodeAt(byte & 0xf);
  }
  return String.fromCharCode(...codes);
}
