"""Checks a request with seed 002's verify_signature, imported unchanged from seed002_verify_signature.py.

Usage: python3 tonic_desk.py <secret> <X-Webhook-Signature>  < raw body
Prints true or false; exits 0 only when the signature verifies.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed002_verify_signature import verify_signature  # noqa: E402

valid = verify_signature(sys.stdin.buffer.read(), sys.argv[2], sys.argv[1])
print("true" if valid else "false", end="")
sys.exit(0 if valid else 1)
