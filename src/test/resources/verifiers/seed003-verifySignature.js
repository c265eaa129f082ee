const crypto = require('crypto');function verifySignature(body, secret, signatureHeader) {
if (typeof signatureHeader !== 'string') {
return false;
} const expected = 'sha256=' + crypto
.createHmac('sha256', secret)
.update(body, 'utf8')
.digest('hex'); const expectedBuffer = Buffer.from(expected, 'utf8');
const receivedBuffer = Buffer.from(signatureHeader, 'utf8'); if (expectedBuffer.length !== receivedBuffer.length) {
return false;
} return crypto.timingSafeEqual(expectedBuffer, receivedBuffer);
}
