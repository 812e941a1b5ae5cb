/** Byte ranges (RFC 9110) over a complete cached body, so Safari can play our MP4s. */
import { ApiError } from '../../../shared/errors.ts';

/** Answers `res` (a complete 200) as a 206 for a single `Range: bytes=…` header, or unchanged. */
export async function withRange(res: Response, range: string | undefined): Promise<Response> {
  if (res.status !== 200) return res;
  const headers = new Headers(res.headers);
  headers.set('Accept-Ranges', 'bytes');
  if (!range) return new Response(res.body, { status: 200, headers });
  const body = new Uint8Array(await res.arrayBuffer());
  const size = body.byteLength;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  const unsatisfiable = () =>
    new ApiError('RANGE_NOT_SATISFIABLE', `Range must be a single byte range within 0-${size - 1}, e.g. bytes=0-1023`, 'Range', { 'Content-Range': `bytes */${size}` });
  if (!m || (m[1] === '' && m[2] === '')) throw unsatisfiable();
  let start: number;
  let end: number;
  if (m[1] === '') {
    // Suffix range: the last N bytes.
    const n = Number(m[2]);
    if (n === 0) throw unsatisfiable();
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) throw unsatisfiable();
  headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  headers.set('Content-Length', String(end - start + 1));
  return new Response(body.slice(start, end + 1), { status: 206, headers });
}
