/**
 * The playground's HTTP surface. Local only: it listens on 127.0.0.1 by default, checks the Host
 * header (no DNS rebinding) and refuses state-changing requests from another origin, so a web page
 * the user visits cannot edit the local workbook.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1 << 20;

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Hosts this server answers to, for the port it listens on. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Refuses requests whose Host or Origin is not this local server. */
export function checkOrigin(req: IncomingMessage, port: number): void {
  const hosts = allowedHosts(port);
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) throw new HttpError(403, `Máy chủ thử nghiệm chỉ nhận yêu cầu tới ${[...hosts][0]}`);
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return;
  const origin = req.headers.origin;
  // Browsers send Origin on every cross-origin POST; a same-origin page sends its own.
  if (origin !== undefined && !hosts.has(origin.replace(/^https?:\/\//, ''))) {
    throw new HttpError(403, 'Yêu cầu từ trang khác bị từ chối');
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new HttpError(403, 'Yêu cầu từ trang khác bị từ chối');
  }
  // A JSON content type cannot be sent cross-origin without a preflight, which we never grant.
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'Cần Content-Type: application/json');
}

/** Reads a JSON body of at most MAX_BODY_BYTES. */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !failed) {
        failed = true;
        reject(new HttpError(413, 'Dữ liệu gửi lên quá lớn'));
        req.resume();
        return;
      }
      if (!failed) chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'Dữ liệu JSON không hợp lệ'));
      }
    });
    req.on('error', reject);
  });
}

/** Reads a JSON body that must be an object (`{…}`): null, numbers, strings, booleans and arrays get 400. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'Dữ liệu gửi lên phải là một đối tượng JSON, dạng {"tên trường": giá trị}');
  }
  return body as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, html: string, status = 200): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Only this server may frame its pages (the sidebar sits in an iframe of the main page).
    'x-frame-options': 'SAMEORIGIN',
  });
  res.end(html);
}
