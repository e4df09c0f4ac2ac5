"""A stand-in for kyber-py (github.com/GiacomoPope/kyber-py, v1.2) for tlsfuzzer's test-tls13-mlkem.

tlslite-ng imports kyber-py's ML-KEM when it can (`from kyber_py.ml_kem import ML_KEM_768,
ML_KEM_1024`); kyber-py is on PyPI only, which this project's machines do not reach, so
scripts/conformance.sh puts this package on PYTHONPATH instead when no kyber-py checkout is at hand.
It has kyber-py's ML-KEM API (kyber_py.ml_kem); the FIPS 203 math is @noble/post-quantum's, run by
node in a co-process (kyber_py._coprocess).
"""
