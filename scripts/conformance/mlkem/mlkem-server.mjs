// ML-KEM (FIPS 203) for scripts/conformance/pylib/kyber_py, which tlslite-ng imports for tlsfuzzer's
// test-tls13-mlkem: @noble/post-quantum does the math, this process answers one request per line.
//
// Requests on stdin and answers on stdout are JSON objects, one a line, byte strings in hex:
//   {"op": "keygen", "kem": 768, "seed": d||z (64 bytes)}  ->  {"ek": ..., "dk": ...}   (FIPS 203 Alg. 16)
//   {"op": "encaps", "kem": 768, "ek": ..., "m": 32 bytes}  ->  {"K": ..., "c": ...}    (Alg. 17, §7.2 checks)
//   {"op": "decaps", "kem": 768, "dk": ..., "c": ...}       ->  {"K": ...}              (Alg. 18, §7.3 checks)
// The caller supplies all randomness (seed, m), so that every answer is deterministic. An input
// ML-KEM refuses (a length, the modulus check of ek, the hash check of dk) is answered with
// {"invalid": reason}; a request this process cannot read with {"error": reason}. It ends when
// stdin ends.
import { createInterface } from 'node:readline';
import { ml_kem512, ml_kem768, ml_kem1024 } from '@noble/post-quantum/ml-kem.js';

const KEMS = new Map([[512, ml_kem512], [768, ml_kem768], [1024, ml_kem1024]]);
const HEX = /^(?:[0-9a-f]{2})*$/;

class BadRequest extends Error {}

function bytes(request, field) {
  const value = request[field];
  if (typeof value !== 'string' || !HEX.test(value)) {
    throw new BadRequest(`field ${field} must be a string of lower-case hex pairs`);
  }
  return new Uint8Array(Buffer.from(value, 'hex'));
}

function hex(array) {
  return Buffer.from(array.buffer, array.byteOffset, array.length).toString('hex');
}

// The operation a request names, with its inputs read, as a function of no arguments that runs
// only ML-KEM: whatever it throws is ML-KEM refusing an input.
function operation(request) {
  const kem = KEMS.get(request.kem);
  if (kem === undefined) {
    throw new BadRequest(`unknown kem ${JSON.stringify(request.kem)}: 512, 768 or 1024`);
  }
  switch (request.op) {
    case 'keygen': {
      const seed = bytes(request, 'seed');
      return () => {
        const { publicKey, secretKey } = kem.keygen(seed);
        return { ek: hex(publicKey), dk: hex(secretKey) };
      };
    }
    case 'encaps': {
      const ek = bytes(request, 'ek');
      const m = bytes(request, 'm');
      return () => {
        const { cipherText, sharedSecret } = kem.encapsulate(ek, m);
        return { K: hex(sharedSecret), c: hex(cipherText) };
      };
    }
    case 'decaps': {
      const dk = bytes(request, 'dk');
      const c = bytes(request, 'c');
      return () => ({ K: hex(kem.decapsulate(c, dk)) });
    }
    default:
      throw new BadRequest(`unknown op ${JSON.stringify(request.op)}: keygen, encaps or decaps`);
  }
}

function answer(line) {
  let run;
  try {
    run = operation(JSON.parse(line));
  } catch (e) {
    return { error: e instanceof BadRequest || e instanceof SyntaxError ? e.message : String(e) };
  }
  try {
    return run();
  } catch (e) {
    return { invalid: e.message };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  process.stdout.write(JSON.stringify(answer(line)) + '\n');
});
