// Node-only: minimal HTTP GET on the `http` module rather than global fetch, because the repo's jest setup forces the
// jsdom environment, which has no fetch.
import http from 'http';

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
}

export function httpGet(url: string, timeoutMs = 10_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body })
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
