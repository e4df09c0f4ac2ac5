"""ML-KEM (FIPS 203) with kyber-py v1.2's API, computed by @noble/post-quantum in node.

ML_KEM_512, ML_KEM_768 and ML_KEM_1024 have kyber-py's stable calls, with its return orders and
its errors: keygen() -> (ek, dk), key_derive(seed) -> (ek, dk), encaps(ek) -> (K, c),
decaps(dk, c) -> K, all bytes. An input FIPS 203 rejects (a wrong length, an ek failing the
modulus check of §7.2, a dk failing the hash check of §7.3) raises ValueError, which tlslite-ng
turns into illegal_parameter; a ciphertext that does not decapsulate gives the implicit-rejection
key, not an error. A co-process that cannot answer raises MlKemBackendError, a RuntimeError.
Randomness is os.urandom's, drawn here: the co-process only computes.
"""
import os

from ._coprocess import Coprocess, InvalidInput, MlKemBackendError

__all__ = ['ML_KEM', 'ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024', 'MlKemBackendError']

_COPROCESS = Coprocess()


def _bytes(value, name):
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError('{0} must be bytes, not {1}'.format(name, type(value).__name__))
    return bytes(value)


class ML_KEM:
    """One ML-KEM parameter set (FIPS 203 §8, Table 2)."""

    def __init__(self, level, k, du, dv, coprocess=_COPROCESS):
        self.level = level
        self.k = k
        self.du = du
        self.dv = dv
        self._coprocess = coprocess

    @property
    def ek_size(self):
        return 384 * self.k + 32

    @property
    def dk_size(self):
        return 768 * self.k + 96

    @property
    def ciphertext_size(self):
        return 32 * (self.du * self.k + self.dv)

    def keygen(self):
        """A new key pair (FIPS 203 Algorithm 19): (encapsulation key, decapsulation key)."""
        return self.key_derive(os.urandom(64))

    def key_derive(self, seed):
        """The key pair of the 64-byte seed d || z (FIPS 203 Algorithm 16, §7.1)."""
        seed = _bytes(seed, 'seed')
        if len(seed) != 64:
            raise ValueError('The seed must be 64 bytes long, not {0}'.format(len(seed)))
        ek, dk = self._call('keygen', 'Key generation failed', ('ek', 'dk'), seed=seed)
        return ek, dk

    def encaps(self, ek):
        """A fresh shared key and its encapsulation to ek (FIPS 203 Algorithm 20): (K, c)."""
        return self._encaps_internal(ek, os.urandom(32))

    def _encaps_internal(self, ek, m):
        """encaps with the caller's 32-byte message m (FIPS 203 Algorithm 17), for known-answer
        tests; kyber-py has the same call."""
        ek = _bytes(ek, 'ek')
        m = _bytes(m, 'm')
        if len(m) != 32:
            raise ValueError('The message m must be 32 bytes long, not {0}'.format(len(m)))
        K, c = self._call('encaps', 'Validation of encapsulation key failed', ('K', 'c'), ek=ek, m=m)
        return K, c

    def decaps(self, dk, c):
        """The shared key that c encapsulates to dk (FIPS 203 Algorithm 21)."""
        dk = _bytes(dk, 'dk')
        c = _bytes(c, 'c')
        K, = self._call('decaps', 'Validation of decapsulation key or ciphertext failed', ('K',), dk=dk, c=c)
        return K

    def _call(self, op, refused, outputs, **inputs):
        """The outputs of op, as bytes; ValueError starting with refused when ML-KEM rejects an input."""
        request = {'op': op, 'kem': self.level}
        request.update((name, value.hex()) for name, value in inputs.items())
        try:
            answer = self._coprocess.call(request)
        except InvalidInput as e:
            raise ValueError('{0}: {1}'.format(refused, e)) from None
        try:
            return tuple(bytes.fromhex(answer[name]) for name in outputs)
        except (KeyError, TypeError, ValueError):
            raise MlKemBackendError('the ML-KEM co-process answered {0} with {1}, not the hex of {2}'.format(
                op, sorted(answer), ', '.join(outputs))) from None

    def __repr__(self):
        return 'ML_KEM_{0}'.format(self.level)


ML_KEM_512 = ML_KEM(512, k=2, du=10, dv=4)
ML_KEM_768 = ML_KEM(768, k=3, du=10, dv=4)
ML_KEM_1024 = ML_KEM(1024, k=4, du=11, dv=5)
