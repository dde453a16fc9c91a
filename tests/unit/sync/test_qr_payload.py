"""The certificate QR payload (MRS1): what is encoded decodes to the same fields in every script,
any one changed character is refused or fails its signature, and the code stays small enough to
scan when printed at 3 cm."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mrs_desktop.domain.errors import InputRejected, MrsError
from mrs_desktop.domain.reference import countries
from mrs_desktop.sync import qr_payload
from mrs_desktop.sync.keys import NodeKey
from mrs_desktop.sync.qr_payload import CertificatePayload, PayloadRejected, decode, encode

NATIVE_NAMES = {  # one holder name in each script a certificate is printed in
    "Khmer": "សុខ ស្រីនាង",
    "Lao": "ສົມພອນ ແກ້ວມະນີ",
    "Myanmar": "အောင်ကျော်မင်း",
    "Thai": "สมชาย ใจดี",
    "Vietnamese": "Nguyễn Thị Hương",
}
B45_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
# The key fixtures are module-scoped: the same for every generated example.
FIXTURES_ARE_CONSTANT = [HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def key() -> NodeKey:
    return NodeKey.generate()


@pytest.fixture(scope="module")
def public(key) -> str:
    return key.public_hex


def certificate(units: int | tuple[str, ...] = 6, **changes) -> CertificatePayload:
    """A typical Cambodian certificate: a tiler at AQRF level 2, a Khmer name, `units` units
    (a number of them, or their codes)."""
    if isinstance(units, int):
        units = tuple(f"CON-TIL-2-{i:02d}" for i in range(1, units + 1))
    fields = CertificatePayload(
        number="KHM-2026-000123", holder_latin="Sok Sreyneang", holder_native=NATIVE_NAMES["Khmer"],
        occupation_code="CON-TIL-2", occupation_title="Wall and Floor Tiler", aqrf_level=2,
        qualification=None, units=units,
        issued_on=date(2026, 5, 12), issuer_country="KHM")
    return replace(fields, **changes)


def qr_version(text: str) -> int:
    """The version of the QR code zxing-cpp makes for `text` at error correction M, read back
    from the code's own image (which also proves the text survives the trip)."""
    made = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    read = zxingcpp.read_barcode(made.to_image(scale=4))
    assert read.text == text
    return int(read.extra["Version"])


# --- Round trip -----------------------------------------------------------------------------

@pytest.mark.parametrize("script", NATIVE_NAMES)
def test_round_trip_in_every_script(key, public, script):
    fields = certificate(units=40, holder_native=NATIVE_NAMES[script])
    text = encode(fields, key)
    decoded, signed, signature = decode(text)
    assert decoded == replace(fields, issuer_key_id=qr_payload.key_id(public))
    assert decoded.holder_native == NATIVE_NAMES[script]
    assert signed.startswith(b"MRS1:") and len(signature) == 64
    assert qr_payload.verify_signature(text, public)
    assert qr_payload.verify_signature((decoded, signed, signature), public)


def test_a_full_qualification_without_units_and_without_native_name(key, public):
    fields = certificate(units=0, qualification="KHM-CON-TIL-L2", holder_native=None,
                         occupation_title=None)
    decoded, _, _ = decode(encode(fields, key))
    assert decoded.units == () and decoded.qualification == "KHM-CON-TIL-L2"
    assert decoded.holder_native is None and decoded.occupation_title is None


def test_units_that_share_no_prefix_keep_their_order(key):
    units = ("B-2", "A-1", "C", "AB")
    assert decode(encode(certificate(units=units), key))[0].units == units


def test_the_text_is_qr_alphanumeric_and_begins_with_the_prefix(key):
    text = encode(certificate(), key)
    assert text.startswith("MRS1:")
    assert set(text) <= set(B45_ALPHABET)
    assert qr_payload.is_payload_text(f"  {text}\n")
    assert not qr_payload.is_payload_text("KHM-2026-000123")


def test_pasted_text_with_surrounding_white_space_decodes(key, public):
    text = encode(certificate(), key)
    assert qr_payload.verify_signature(f"\n  {text} \r\n", public)


unicode_names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                        min_size=1, max_size=60).filter(str.strip)
unit_codes = st.lists(st.text(B45_ALPHABET + "abc_", min_size=1, max_size=20).filter(str.strip),
                      min_size=1, max_size=30, unique=True)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES_ARE_CONSTANT)
@given(name=unicode_names, native=st.none() | unicode_names, units=unit_codes,
       level=st.integers(1, 8), day=st.dates(date(1970, 1, 1), date(2200, 12, 31)),
       country=st.sampled_from(sorted(countries())))
def test_any_certificate_round_trips(key, public, name, native, units, level, day, country):
    fields = certificate(tuple(units), holder_latin=name, holder_native=native,
                         aqrf_level=level, issued_on=day, issuer_country=country)
    decoded, _, _ = decode(encode(fields, key))
    assert decoded == replace(fields, issuer_key_id=qr_payload.key_id(public))


# --- Tampering and forgery ------------------------------------------------------------------

def _accepted(text: str, public: str) -> bool:
    try:
        return qr_payload.verify_signature(text, public)
    except PayloadRejected:
        return False


@settings(max_examples=400, deadline=None, suppress_health_check=FIXTURES_ARE_CONSTANT)
@given(data=st.data(), units=st.integers(0, 20),
       native=st.sampled_from(list(NATIVE_NAMES.values())))
def test_one_changed_character_anywhere_is_never_accepted(key, public, data, units, native):
    text = encode(certificate(units=units, qualification="Q-1", holder_native=native), key)
    where = data.draw(st.integers(0, len(text) - 1), label="position")
    new = data.draw(st.sampled_from(B45_ALPHABET + "ab\n\t_é").filter(lambda c: c != text[where]),
                    label="character")
    assert not _accepted(text[:where] + new + text[where + 1:], public)


@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURES_ARE_CONSTANT)
@given(data=st.data())
def test_a_dropped_or_added_character_is_never_accepted(key, public, data):
    text = encode(certificate(), key)
    where = data.draw(st.integers(0, len(text) - 1), label="position")
    added = data.draw(st.sampled_from(B45_ALPHABET), label="character")
    assert not _accepted(text[:where] + text[where + 1:], public)
    if added != " ":  # a space before or after the text is white space around a paste, not a change
        assert not _accepted(text[:where] + added + text[where:], public)
        assert not _accepted(text + added, public)
    else:
        inside = 1 + where % (len(text) - 1)
        assert not _accepted(text[:inside] + added + text[inside:], public)


def test_a_payload_signed_by_another_key_fails(key, public):
    forger = NodeKey.generate()
    forged = encode(certificate(), forger)
    assert decode(forged)[0].issuer_key_id != qr_payload.key_id(public)
    assert not qr_payload.verify_signature(forged, public)
    assert qr_payload.verify_signature(forged, forger.public_hex)


def test_fields_moved_onto_another_signature_fail(key, public):
    """A forger keeps a genuine signature and changes the fields (re-encoded properly)."""
    genuine = encode(certificate(), key)
    _, _, signature = decode(genuine)
    fields = replace(certificate(), aqrf_level=5, issuer_key_id=qr_payload.key_id(public))
    body = qr_payload._cbor(qr_payload._to_items(fields))
    forged = "MRS1:" + qr_payload.b45encode(body + signature)
    assert decode(forged)[0].aqrf_level == 5
    assert not qr_payload.verify_signature(forged, public)


def test_a_key_that_is_not_a_key_does_not_verify(key):
    assert not qr_payload.verify_signature(encode(certificate(), key), "not hex")


# --- What decode refuses, and why -----------------------------------------------------------

def _signed_text(key, items: list, body: bytes | None = None) -> str:
    """A payload whose body is `items` (or raw `body`), correctly signed: only its contents
    are wrong."""
    body = qr_payload._cbor(items) if body is None else body
    return "MRS1:" + qr_payload.b45encode(body + key.sign(b"MRS1:" + body))


def _items(key, **changes) -> list:
    return qr_payload._to_items(replace(certificate(), issuer_key_id=qr_payload.key_id(
        key.public_hex), **changes))


@pytest.mark.parametrize("text, reason", [
    ("KHM-2026-000123", "not an MRS certificate payload"),
    ("https://example.org/cert", "not an MRS certificate payload"),
    ("MRS2:ABCDEF", "payload version 2"),
    ("MRS0:ABCDEF", "payload version 0"),
    ("MRS01:ABCDEF", "payload version 01"),
    ("MRS1:abc", "character 'a' at position 6 is not base45"),
    ("MRS1:AB\nCD", "character '\\n' at position 8"),
    ("MRS1:ABCD", "ends part-way through a group"),
    ("MRS1:GGW", "group at position 6 is not a valid value"),
    ("MRS1:", "too short"),
    ("MRS1:" + "0" * 4400, "more than any QR code holds"),
])
def test_text_that_is_not_a_payload_says_why(text, reason):
    with pytest.raises(PayloadRejected, match="not a usable certificate QR code") as refused:
        decode(text)
    assert reason in str(refused.value)
    assert isinstance(refused.value, InputRejected) and refused.value.exit_code == 3


def test_something_that_is_not_text_is_refused():
    with pytest.raises(PayloadRejected, match="not text"):
        decode(b"MRS1:ABC")


def test_a_truncated_payload_is_refused(key):
    text = encode(certificate(), key)
    for cut in (3, 30, 120, 200):
        with pytest.raises(PayloadRejected, match="truncated|extra bytes|wrong type|malformed"):
            decode(text[:-cut])


@pytest.mark.parametrize("change, reason", [
    (dict(aqrf_level=9), "AQRF level 9 does not exist"),
    (dict(issuer_country="XYZ"), "'XYZ' is not an ASEAN member state"),
    (dict(holder_latin=" "), "Latin name must be text"),
    (dict(units=(), qualification=None), "neither a qualification nor any unit"),
    (dict(units=("U-1", "U-1")), "a unit twice"),
])
def test_signed_but_impossible_values_are_refused(key, change, reason):
    with pytest.raises(PayloadRejected, match=reason):
        decode(_signed_text(key, _items(key, **change)))


def test_fields_of_the_wrong_type_are_refused(key):
    items = _items(key)
    cases = {"AQRF level has the wrong type": (5, "2"),
             "certificate number has the wrong type": (0, 7),
             "units have the wrong type": (8, [1, 2]),
             "issuer key id has the wrong type": (11, "k"),
             "issue date has the wrong type": (9, None)}
    for reason, (index, value) in cases.items():
        wrong = list(items)
        wrong[index] = value
        with pytest.raises(PayloadRejected, match=reason):
            decode(_signed_text(key, wrong))
    with pytest.raises(PayloadRejected, match="not the 12 fields"):
        decode(_signed_text(key, items[:11]))
    with pytest.raises(PayloadRejected, match="not the 12 fields"):
        decode(_signed_text(key, "a text, not a list"))


def test_encodings_other_than_the_shortest_are_refused(key):
    body = qr_payload._cbor(_items(key))
    assert body[0] == 0x8C  # an array of 12, length in the head
    with pytest.raises(PayloadRejected, match="shortest form"):
        decode(_signed_text(key, [], body=b"\x98\x0c" + body[1:]))  # the same, length in 1 byte
    for strange, reason in ((b"\xf5", "kind payloads do not use"),  # true
                            (b"\x9f", "kind payloads do not use"),  # an open-ended list
                            (b"\x81" * 5 + b"\x00", "nested too deep"),
                            (b"\x63\xff\xfe\xfd", "not UTF-8")):
        with pytest.raises(PayloadRejected, match=reason):
            decode(_signed_text(key, [], body=strange))


# --- Encoding refuses what a certificate cannot hold -----------------------------------------

@pytest.mark.parametrize("change, reason", [
    (dict(aqrf_level=0), "AQRF level 0"),
    (dict(aqrf_level=True), "AQRF level True"),
    (dict(number=""), "certificate number must be text"),
    (dict(occupation_code="X" * 61), "occupation code must be text of 1 to 60"),
    (dict(units=101), "at most 100"),
    (dict(issued_on=date(1969, 12, 31)), "from 1970 on"),
])
def test_encode_refuses_a_certificate_no_payload_can_hold(key, change, reason):
    with pytest.raises(InputRejected, match=reason):
        encode(certificate(**change), key)


def test_encode_refuses_to_sign_for_another_key(key):
    with pytest.raises(MrsError, match="names issuer key 0123456789abcdef"):
        encode(certificate(issuer_key_id="0123456789abcdef"), key)


DOC_EXAMPLE = ("MRS1:-XHCN92Y9NF6TF63W5646*96KM6TOAJOD0T8VKED1FH2KNNS$XNW1K274-1KNNSH5NC2KNNSW2N-"
               "M8X*9MTAGS9VG69UATVDQIE%6V-M8X*9MTAGS9KF6266-CC.CC/CC:CC0DC1DC093OEDCN9TY9$+AWKB3"
               "UAR09D*V5JHM R6D4AYN TI+0V0$EMJRMAR8K3ONF*L4FT8LM7M96GQJ5S3028E5JFCG5PRRO2ZC0./E$"
               "NK/KM.N1FK4*X6E*NOHN")


def test_the_documented_example_is_what_the_code_makes():
    """docs/qr-payload.md shows this payload; Ed25519 signatures are deterministic, so a change
    to the format (or to the doc) shows up here."""
    seed_key = NodeKey(bytes(range(32)))
    fields = certificate(holder_latin="Sok Dara", holder_native="សុខ ដារា",
                         occupation_title="Tiler")
    assert encode(fields, seed_key) == DOC_EXAMPLE
    assert qr_payload.key_id(seed_key.public_hex) == "56475aa75463474c"
    doc = (Path(__file__).parents[3] / "docs" / "qr-payload.md").read_text(encoding="utf-8")
    assert DOC_EXAMPLE in doc and "56475aa75463474c" in doc


def test_key_id_is_the_first_8_bytes_of_the_keys_sha256(public):
    assert qr_payload.key_id(public) == hashlib.sha256(bytes.fromhex(public)).hexdigest()[:16]


@pytest.mark.parametrize("raw, text", [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"),
                                       (b"base-45", "UJCLQE7W581"), (b"ietf!", "QED8WEX0"),
                                       (b"", "")])
def test_base45_matches_rfc_9285(raw, text):
    assert qr_payload.b45encode(raw) == text
    assert qr_payload.b45decode(text) == raw


# --- Size -----------------------------------------------------------------------------------

def test_a_typical_certificate_fits_a_qr_code_that_scans_at_3_cm(key, capsys):
    """6 units: version 10 at level M (57 modules, 0.53 mm each at 3 cm); 20 units: at most
    version 13 (69 modules, 0.43 mm): both well above the ~0.33 mm phone cameras need."""
    sizes = {}
    for units in (6, 20):
        text = encode(certificate(units=units), key)
        sizes[units] = (len(text), qr_version(text))
    with capsys.disabled():
        for units, (chars, version) in sizes.items():
            modules = 17 + 4 * version
            print(f"\n  MRS1 payload, {units} units, Khmer name: {chars} characters, QR version "
                  f"{version}-M, {modules} modules = {30 / modules:.2f} mm each at 3 cm", end="")
    assert sizes[6][0] <= 320 and sizes[6][1] <= 10
    assert sizes[20][1] <= 13
