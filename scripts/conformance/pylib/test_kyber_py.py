"""The self-check scripts/conformance.sh runs before it lets tlsfuzzer use this kyber_py:

    PYTHONPATH=TLSLITE_NG_DIR:PYTHON_ECDSA_DIR python3 scripts/conformance/pylib/test_kyber_py.py

ML-KEM-768 against the accumulated vectors of the final FIPS 203 that Go's crypto/mlkem publishes
(as MlKemKnownAnswerTest does for the engine), every parameter set's round trip, kyber-py's errors
for inputs FIPS 203 rejects, the co-process's failures, and tlslite-ng's three hybrid key
exchanges run on it.
"""
import contextlib
import hashlib
import os
import signal
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import kyber_py  # noqa: E402
from kyber_py import _coprocess  # noqa: E402
from kyber_py.ml_kem import ML_KEM, ML_KEM_512, ML_KEM_768, ML_KEM_1024, MlKemBackendError  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class AccumulatedVectors(unittest.TestCase):
    """Go's TestAccumulated (C2SP CCTV's accumulated format): key pairs from seeds d || z drawn
    from a SHAKE-128 stream of empty input, an encapsulation with message m drawn from it to each,
    its decapsulation, and the implicit rejection of a random ciphertext drawn from it; ek, c, K
    and the rejection key absorbed into a second SHAKE-128, whose first 32 bytes are published."""

    def test_100_ml_kem_768_vectors_hash_to_the_published_digest(self):
        kem, iterations = ML_KEM_768, 100
        step = 64 + 32 + kem.ciphertext_size
        stream = hashlib.shake_128(b'').digest(iterations * step)
        accumulator = hashlib.shake_128()
        for i in range(iterations):
            draw = stream[i * step:(i + 1) * step]
            seed, m, random_c = draw[:64], draw[64:96], draw[96:]
            ek, dk = kem.key_derive(seed)
            self.assert_decapsulation_key_layout(kem, ek, dk, z=seed[32:])
            accumulator.update(ek)
            K, c = kem._encaps_internal(ek, m)
            accumulator.update(c)
            accumulator.update(K)
            self.assertEqual(kem.decaps(dk, c), K)
            accumulator.update(kem.decaps(dk, random_c))
        self.assertEqual(accumulator.hexdigest(32),
                         '1114b1b6699ed191734fa339376afa7e285c9e6acf6ff0177d346696ce564415')

    def assert_decapsulation_key_layout(self, kem, ek, dk, z):
        """dk = dk_PKE || ek || H(ek) || z (FIPS 203 Algorithm 16)."""
        self.assertEqual(len(ek), kem.ek_size)
        self.assertEqual(len(dk), kem.dk_size)
        k = kem.k
        self.assertEqual(dk[384 * k:768 * k + 32], ek)
        self.assertEqual(dk[768 * k + 32:768 * k + 64], hashlib.sha3_256(ek).digest())
        self.assertEqual(dk[768 * k + 64:], z)


class RoundTrips(unittest.TestCase):

    def test_every_parameter_set_decapsulates_what_it_encapsulates(self):
        for kem, sizes in ((ML_KEM_512, (800, 1632, 768)), (ML_KEM_768, (1184, 2400, 1088)),
                           (ML_KEM_1024, (1568, 3168, 1568))):
            with self.subTest(kem=kem):
                ek, dk = kem.keygen()
                K, c = kem.encaps(ek)
                self.assertEqual((len(ek), len(dk), len(c), len(K)), sizes + (32,))
                self.assertEqual(kem.decaps(dk, c), K)
                tampered = bytes([c[0] ^ 1]) + c[1:]
                self.assertNotEqual(kem.decaps(dk, tampered), K, 'implicit rejection (FIPS 203 §6.3)')

    def test_keys_come_from_their_seed_and_fresh_ones_differ(self):
        seed = bytes(range(64))
        self.assertEqual(ML_KEM_1024.key_derive(seed), ML_KEM_1024.key_derive(bytearray(seed)))
        self.assertNotEqual(ML_KEM_1024.keygen(), ML_KEM_1024.keygen())
        ek = ML_KEM_1024.key_derive(seed)[0]
        self.assertNotEqual(ML_KEM_1024.encaps(ek), ML_KEM_1024.encaps(ek))


class RejectedInputs(unittest.TestCase):
    """kyber-py raises ValueError for these, which tlslite-ng answers with illegal_parameter."""

    def setUp(self):
        self.ek, self.dk = ML_KEM_768.keygen()
        self.K, self.c = ML_KEM_768.encaps(self.ek)

    def test_an_encapsulation_key_of_the_wrong_length(self):
        for ek in (self.ek[:-1], self.ek + b'\0', b''):
            with self.subTest(length=len(ek)), self.assertRaisesRegex(ValueError, 'encapsulation key'):
                ML_KEM_768.encaps(ek)

    def test_an_encapsulation_key_with_a_coefficient_of_q_or_more(self):
        # the first coefficient, 12 bits little-endian, set to 3329 = q (FIPS 203 §7.2 modulus check)
        ek = bytes([3329 & 0xff, (self.ek[1] & 0xf0) | (3329 >> 8)]) + self.ek[2:]
        with self.assertRaisesRegex(ValueError, 'modulus'):
            ML_KEM_768.encaps(ek)
        ML_KEM_768.encaps(bytes([3328 & 0xff, (self.ek[1] & 0xf0) | (3328 >> 8)]) + self.ek[2:])

    def test_a_ciphertext_or_decapsulation_key_of_the_wrong_length(self):
        for dk, c in ((self.dk, self.c[:-1]), (self.dk, self.c + b'\0'), (self.dk[:-1], self.c)):
            with self.subTest(dk=len(dk), c=len(c)), self.assertRaisesRegex(ValueError, 'decapsulation'):
                ML_KEM_768.decaps(dk, c)

    def test_a_decapsulation_key_whose_hash_of_ek_does_not_match(self):
        at = 768 * 3 + 32
        dk = self.dk[:at] + bytes([self.dk[at] ^ 1]) + self.dk[at + 1:]
        with self.assertRaisesRegex(ValueError, 'hash check'):
            ML_KEM_768.decaps(dk, self.c)

    def test_a_seed_or_message_of_the_wrong_length(self):
        with self.assertRaisesRegex(ValueError, '64 bytes'):
            ML_KEM_768.key_derive(bytes(63))
        with self.assertRaisesRegex(ValueError, '32 bytes'):
            ML_KEM_768._encaps_internal(self.ek, bytes(31))

    def test_a_value_that_is_not_bytes(self):
        with self.assertRaisesRegex(TypeError, 'ek must be bytes'):
            ML_KEM_768.encaps(self.ek.hex())
        with self.assertRaisesRegex(TypeError, 'seed must be bytes'):
            ML_KEM_768.key_derive(64)


class CoprocessFailures(unittest.TestCase):
    """A co-process that cannot answer is a RuntimeError naming what is missing, never a
    ValueError (tlslite-ng would take it for a malformed key share) and never a hang."""

    def test_node_missing(self):
        kem = ML_KEM(768, 3, 10, 4, _coprocess.Coprocess(node='/nonexistent/node'))
        with self.assertRaisesRegex(MlKemBackendError, r'node \(Node.js 20.19 or later\) is not at /nonexistent/node'):
            kem.keygen()

    def test_server_script_missing(self):
        kem = ML_KEM(768, 3, 10, 4, _coprocess.Coprocess(server_dir=HERE))
        with self.assertRaisesRegex(MlKemBackendError, 'script is missing'):
            kem.keygen()

    def test_npm_package_not_installed(self):
        with tempfile.TemporaryDirectory() as empty:
            with open(os.path.join(empty, 'mlkem-server.mjs'), 'w'):
                pass
            kem = ML_KEM(768, 3, 10, 4, _coprocess.Coprocess(server_dir=empty))
            with self.assertRaisesRegex(MlKemBackendError, r'@noble/post-quantum is not installed in .*npm ci --prefix'):
                kem.keygen()

    def test_a_process_that_fails_at_start_is_reported_with_its_error(self):
        with self.server("process.stderr.write('cannot load @noble/post-quantum'); process.exit(3);") as kem:
            with self.assertRaisesRegex(MlKemBackendError, 'exited with code 3: cannot load @noble/post-quantum'):
                kem.keygen()

    def test_an_answer_that_is_not_json_is_not_a_value_error(self):
        with self.server("process.stdin.on('data', () => process.stdout.write('[1, 2\\n'));") as kem:
            with self.assertRaisesRegex(MlKemBackendError, r"answered b'\[1, 2', not a JSON object"):
                kem.keygen()

    def test_an_answer_without_the_outputs_is_not_a_value_error(self):
        with self.server("process.stdin.on('data', () => process.stdout.write('{\"ek\": \"zz\"}\\n'));") as kem:
            with self.assertRaisesRegex(MlKemBackendError, r"answered keygen with \['ek'\], not the hex of ek, dk"):
                kem.keygen()

    @contextlib.contextmanager
    def server(self, source):
        """ML-KEM-768 on a co-process running source instead of mlkem-server.mjs."""
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, 'mlkem-server.mjs'), 'w') as script:
                script.write(source)
            package = os.path.join(folder, 'node_modules', '@noble', 'post-quantum')
            os.makedirs(package)
            with open(os.path.join(package, 'package.json'), 'w') as manifest:
                manifest.write('{}')
            coprocess = _coprocess.Coprocess(server_dir=folder, timeout=10)
            try:
                yield ML_KEM(768, 3, 10, 4, coprocess)
            finally:
                coprocess.close()

    def test_a_process_that_ended_is_reported_with_its_exit_code_and_stays_failed(self):
        coprocess = _coprocess.Coprocess()
        kem = ML_KEM(768, 3, 10, 4, coprocess)
        ek, _ = kem.keygen()
        coprocess._process.kill()
        with self.assertRaisesRegex(MlKemBackendError, 'exited with code -9'):
            kem.encaps(ek)
        with self.assertRaisesRegex(MlKemBackendError, 'exited with code -9'):
            kem.encaps(ek)
        coprocess.close()

    def test_a_process_that_does_not_answer_times_out(self):
        coprocess = _coprocess.Coprocess(timeout=1)
        kem = ML_KEM(768, 3, 10, 4, coprocess)
        kem.keygen()
        os.kill(coprocess._process.pid, signal.SIGSTOP)  # alive, silent
        with self.assertRaisesRegex(MlKemBackendError, 'did not answer within 1 s'):
            kem.keygen()
        self.assertIsNone(coprocess._process)

    def test_close_ends_the_process(self):
        coprocess = _coprocess.Coprocess()
        ML_KEM(512, 2, 10, 4, coprocess).keygen()
        process = coprocess._process
        coprocess.close()
        self.assertEqual(process.returncode, 0)


class TlsliteHybrids(unittest.TestCase):
    """tlslite-ng's KEMKeyExchange, as tlsfuzzer's client and a server run it, on this kyber_py."""

    def test_the_three_hybrids_agree_on_the_shared_secret(self):
        from tlslite.constants import GroupName
        from tlslite.keyexchange import KEMKeyExchange
        from tlslite.utils.compat import ML_KEM_AVAILABLE
        self.assertTrue(ML_KEM_AVAILABLE)
        for group in (GroupName.x25519mlkem768, GroupName.secp256r1mlkem768, GroupName.secp384r1mlkem1024):
            with self.subTest(group=GroupName.toStr(group)):
                client = KEMKeyExchange(group, (3, 4))
                private = client.get_random_private_key()
                share = client.calc_public_value(private)
                secret, answer = KEMKeyExchange(group, (3, 4)).encapsulate_key(share)
                self.assertEqual(client.calc_shared_key(private, answer), secret)


if __name__ == '__main__':
    if not kyber_py.__file__.startswith(HERE):
        sys.exit('kyber_py comes from {0}, not {1}'.format(kyber_py.__file__, HERE))
    unittest.main(verbosity=1)
