// Checks a request with a seed's own Node snippet, read unchanged from the file beside this one.
// Usage: node verify.mjs <job-sync|customermates> <secret> <X-Webhook-Signature>  < raw body
// Prints true or false; exits 0 only when the signature verifies.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [format, secret, signature] = process.argv.slice(2);
const snippet = (name) => readFileSync(new URL(name, import.meta.url), 'utf8');
const body = readFileSync(0, 'utf8');
let valid = false;
if (format === 'job-sync') {
    // seed 003 is CommonJS: run as written, with a require of its own
    const verifySignature = new Function('require', snippet('seed003-verifySignature.js') + '\nreturn verifySignature;')(
        createRequire(import.meta.url));
    valid = verifySignature(body, secret, signature);
} else if (format === 'customermates') {
    // seed 004 is TypeScript, which Node 20 does not run: its only TypeScript, the ": string" annotations, is erased
    // (what tsc would emit), and the rest runs as an ES module
    const source = snippet('seed004-verify.ts').replace(/(\w+): string/g, '$1');
    const { verify } = await import('data:text/javascript,' + encodeURIComponent(source + '\nexport { verify };'));
    try {
        valid = verify(body, signature, secret);
    } catch (lengthMismatch) { // timingSafeEqual throws when the two differ in length
        valid = false;
    }
} else {
    throw new Error('unknown format ' + format);
}
process.stdout.write(String(valid));
process.exit(valid === true ? 0 : 1);
