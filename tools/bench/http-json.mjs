// JSON over node:http for the benches' clients and stand-in servers. node:http on kept-alive sockets
// rather than fetch: the load generator shares the two cores with what it measures, and fetch costs
// it several times more CPU per request.
import http from 'node:http';

/** The whole body of an incoming message (a request a server got, or the response a client got), parsed as JSON. */
export function readJson(message) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    message.on('data', (chunk) => chunks.push(chunk));
    message.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    message.on('error', reject);
  });
}

/** One request with a JSON body (when `body` is given) on `agent`; its status and parsed answer. */
export function requestJson(url, { method = 'POST', agent, body, headers = {} }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(url, {
      method, agent,
      headers: { 'content-type': 'application/json', ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
    }, (response) => readJson(response).then((json) => resolve({ status: response.statusCode, body: json }), reject));
    request.on('error', reject);
    request.end(payload);
  });
}

/** Answers a server's request with `body` as JSON. */
export function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
