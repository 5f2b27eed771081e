/**
 * QR codes for the screens that show one (an otpauth:// URL for authenticator apps), encoded by
 * `uqr`: byte mode, error correction level M, the smallest version that fits.
 */
import { encode } from 'uqr';

/** Encodes text as a QR code: rows of modules, `true` = dark, without the quiet zone. */
export function encodeQr(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}
