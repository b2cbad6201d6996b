"""`print card` and `print labels` on a real store file, as the jeweler would run them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from boutique.cli import main
from boutique.services.stationery.letterhead import save_letterhead
from tests.printing.stationery_pdf import all_text, page_sizes, page_texts

BOUGHT = dt.date(2026, 11, 20)
DAY = "2026-11-25"
HOME = {"home_line1": "8 Orchard Lane", "home_city": "Hudson", "home_region": "NY",
        "home_postcode": "12534"}
WORK = {"business_company": "Ødegård Design", "business_line1": "40 Main Street",
        "business_city": "Albany", "business_region": "NY", "business_postcode": "12207"}


@pytest.fixture
def store(db_path, make_client, make_purchase):
    save_letterhead({"store_name": "Marsh & Finch Jewelers", "page_size": "letter",
                     "address_lines": ["214 Warren Street", "Hudson, NY 12534"]})
    zoe = make_client(first_name="Zoë", last_name="Ødegård", salutation="Ms.", **HOME, **WORK)
    lucja = make_client(first_name="Łucja", last_name="<b>&Nowak", **HOME)
    elena = make_client(first_name="Ελένη", last_name="Παπαδοπούλου")  # no address
    return {
        "db": db_path,
        "gift": make_purchase(zoe.id, BOUGHT, is_gift=True, gift_recipient="Ana").id,
        "home_gift": make_purchase(lucja.id, BOUGHT, is_gift=True, gift_recipient="Piotr").id,
        "plain": make_purchase(elena.id, BOUGHT).id,
    }


def run(store, *args):
    return main(["--db", str(store["db"]), "print", *args])


def test_card_for_a_purchase(store, tmp_path, capsys):
    out = tmp_path / "card.pdf"
    assert run(store, "card", "--purchase", str(store["gift"]), "--layout", "a2-folded",
               "--out", str(out)) == 0
    pdf = out.read_bytes()
    assert page_sizes(pdf) == [(612, 396), (612, 396)]
    assert "MARSH & FINCH" in page_texts(pdf)[0]
    assert "card.pdf" in capsys.readouterr().out


@pytest.mark.parametrize("layout,size", [("a6-folded-2up", (595.28, 841.89)),
                                         ("flat-4x6", (432, 288)),
                                         ("flat-a6-2up", (612, 792))])
def test_card_layouts(store, tmp_path, layout, size):
    out = tmp_path / "card.pdf"
    assert run(store, "card", "--purchase", str(store["plain"]), "--layout", layout, "--guides",
               "--out", str(out)) == 0
    assert page_sizes(out.read_bytes())[0] == pytest.approx(size, abs=0.01)


def test_envelope_for_a_gift_goes_to_the_business(store, tmp_path, capsys):
    out = tmp_path / "envelope.pdf"
    assert run(store, "card", "--purchase", str(store["gift"]), "--layout", "envelope-no10",
               "--out", str(out)) == 0
    text = all_text(out.read_bytes())
    assert "Ødegård Design" in text and "40 Main Street" in text
    assert "8 Orchard Lane" not in text
    assert page_sizes(out.read_bytes()) == [(684, 297)]
    assert "warning" not in capsys.readouterr().err


def test_envelope_to_a_home_for_a_gift_warns_on_stderr(store, tmp_path, capsys):
    out = tmp_path / "envelope.pdf"
    assert run(store, "card", "--purchase", str(store["home_gift"]), "--layout", "envelope-a2",
               "--out", str(out)) == 0
    text = all_text(out.read_bytes())
    assert "Łucja <b>&Nowak" in text and "8 Orchard Lane" in text
    assert "Gift" not in text
    assert "warning: Gift" in capsys.readouterr().err


@pytest.mark.parametrize("args,message", [
    (["--purchase", "999", "--layout", "a2-folded"], "no purchase 999"),
    (["--purchase", "abc", "--layout", "a2-folded"], "--purchase must be"),
    (["--purchase", "1", "--layout", "poster"], "--layout must be one of a2-folded"),
])
def test_card_bad_input_is_one_line_exit_2(store, tmp_path, capsys, args, message):
    out = tmp_path / "card.pdf"
    assert run(store, "card", *args, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_labels_for_the_day(store, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    assert run(store, "labels", "--date", DAY, "--sheet", "avery5160", "--out", str(out)) == 0
    pdf = out.read_bytes()
    assert page_sizes(pdf) == [(612, 792)]
    text = all_text(pdf)
    assert "Ms. Zoë Ødegård" in text and "Ødegård Design" in text  # the gift rule
    assert "Łucja <b>&Nowak" in text
    streams = capsys.readouterr()
    assert "Ελένη Παπαδοπούλου: no postal address" in streams.err
    assert "2 labels" in streams.out


def test_labels_on_a4_from_a_later_start(store, tmp_path):
    out = tmp_path / "labels.pdf"
    assert run(store, "labels", "--date", DAY, "--sheet", "l7160", "--start", "21",
               "--out", str(out)) == 0
    pdf = out.read_bytes()
    # label 21, then label 1 of a new sheet
    assert page_sizes(pdf) == [pytest.approx((595.28, 841.89), abs=0.01)] * 2


def test_no_notes_due_writes_nothing(store, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    assert run(store, "labels", "--date", "2026-11-01", "--sheet", "avery5160",
               "--out", str(out)) == 0
    assert not out.exists() and "nothing written" in capsys.readouterr().out


@pytest.mark.parametrize("args,message", [
    (["--date", "25/11/2026", "--sheet", "avery5160"], "--date must be a date"),
    (["--date", DAY, "--sheet", "avery9999"], "label sheet must be one of avery5160, l7160"),
    (["--date", DAY, "--sheet", "l7160", "--start", "22"], "--start must be from 1 to 21"),
])
def test_labels_bad_input_is_one_line_exit_2(store, tmp_path, capsys, args, message):
    out = tmp_path / "labels.pdf"
    assert run(store, "labels", *args, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_help_lists_every_layout_and_sheet(tmp_path):
    done = subprocess.run([sys.executable, "-m", "boutique", "--db", str(tmp_path / "h.sqlite3"),
                           "print", "card", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0
    help_text = " ".join(done.stdout.split())
    for name in ("a2-folded", "a2-folded-2up", "a6-folded", "a6-folded-2up", "flat-4x6",
                 "flat-4x6-2up", "flat-a6", "flat-a6-2up", "envelope-no10", "envelope-a2",
                 "envelope-c6", "envelope-dl"):
        assert name in help_text
    labels = subprocess.run([sys.executable, "-m", "boutique", "--db",
                             str(tmp_path / "h.sqlite3"), "print", "labels", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert "avery5160" in labels.stdout and "l7160" in labels.stdout
