export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** Strict UTF-8 (or the declared charset of a download): binary and mis-encoded input are refused, not garbled. */
export function decodeText(bytes: Uint8Array, charset = 'utf-8'): Decoded {
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (it contains NUL bytes); expected UTF-8 text' };
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { ok: false, reason: `unsupported character set "${charset}"` };
  }
  try {
    // The decoder drops a leading byte-order mark.
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : charset} text` };
  }
}
