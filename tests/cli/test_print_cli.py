"""`print today`, `print prompt` and `print care` on a real store file."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.lib.pagesizes import LETTER

from boutique.cli import main
from boutique.printing.sheets import ENVELOPES
from boutique.services.agenda import agenda_for
from boutique.services.demo.build import build_demo
from tests.printing.documents import flat
from tests.printing.stationery_pdf import page_sizes, page_texts

DAY = dt.date(2026, 11, 25)


@pytest.fixture
def demo_store(db, db_path):
    build_demo(150, seed=11, today=DAY)
    return db_path


def test_print_today_holds_every_piece_due_with_the_right_addresses(demo_store, tmp_path,
                                                                    capsys):
    items = agenda_for(DAY)
    mail = [i for i in items if i.channel == "mail"]
    calls = [i for i in items if i.channel == "phone"]
    assert mail and calls, "the demo store should have notes and calls due"
    out = tmp_path / "pack.pdf"
    assert main(["--db", str(demo_store), "print", "today", "--date", DAY.isoformat(),
                 "--out", str(out)]) == 0
    pdf = out.read_bytes()
    pages = [flat(t) for t in page_texts(pdf)]
    sizes = page_sizes(pdf)
    envelopes = [t for t, s in zip(pages, sizes, strict=True) if s == ENVELOPES["a2"].size]
    letter_pages = "\n".join(t for t, s in zip(pages, sizes, strict=True) if s == LETTER)
    for item in mail:
        lines = item.address.envelope_lines() if item.address else []
        if lines:  # its envelope carries exactly the address the contact rule chose
            assert any(all(line in page for line in lines) for page in envelopes), item
        for line in lines[1:]:  # and the prompt shows it
            assert line in letter_pages, (item.client_name, line)
        for warning in item.warnings:
            assert warning in letter_pages
    for item in calls:
        if item.contact:
            assert item.contact in letter_pages, item.client_name
    assert len(envelopes) == sum(1 for i in mail if i.address)
    stdout = capsys.readouterr().out
    assert f"{len(mail)} note prompt" in stdout and f"{len(calls)} call script" in stdout


def test_print_today_with_labels_and_full_scripts(demo_store, tmp_path):
    out = tmp_path / "pack.pdf"
    assert main(["--db", str(demo_store), "print", "today", "--date", DAY.isoformat(),
                 "--mail", "labels", "--scripts", "full", "--prompts", "card",
                 "--out", str(out)]) == 0
    assert all(size != ENVELOPES["a2"].size for size in page_sizes(out.read_bytes()))


def test_a_missing_folder_is_a_clear_error(demo_store, tmp_path, capsys):
    code = main(["--db", str(demo_store), "print", "today", "--out",
                 str(tmp_path / "nowhere" / "pack.pdf")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_bad_date_is_a_clear_error(demo_store, tmp_path, capsys):
    code = main(["--db", str(demo_store), "print", "today", "--date", "25/11/2026",
                 "--out", str(tmp_path / "p.pdf")])
    assert code == 2
    assert "--date must be a date as YYYY-MM-DD" in capsys.readouterr().err


def test_print_prompt_for_one_purchase(db_path, make_client, make_purchase, tmp_path):
    client = make_client(salutation="Ms.", first_name="Zoë", last_name="Ødegård",
                         home_line1="8 Orchard Lane", home_city="Hudson", home_postcode="12534")
    purchase = make_purchase(client.id, dt.date(2026, 11, 20))
    out = tmp_path / "prompt.pdf"
    assert main(["--db", str(db_path), "print", "prompt", "--purchase", str(purchase.id),
                 "--out", str(out)]) == 0
    text = flat(page_texts(out.read_bytes())[0])
    assert "Dear Ms. Ødegård," in text and "8 Orchard Lane" in text


def test_print_prompt_for_an_unknown_purchase(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "print", "prompt", "--purchase", "404",
                 "--out", str(tmp_path / "p.pdf")]) == 2
    assert "no purchase 404" in capsys.readouterr().err


def test_print_care_cards(db_path, tmp_path):
    out = tmp_path / "care.pdf"
    assert main(["--db", str(db_path), "print", "care", "--material", "pearls", "--material",
                 "gold", "--size", "business", "--out", str(out)]) == 0
    assert len(page_sizes(out.read_bytes())) == 2
