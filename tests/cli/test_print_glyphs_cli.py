"""The command line prints CJK names and warns, naming the client, of what no font has."""

from __future__ import annotations

import datetime as dt

from boutique.cli import main
from tests.printing.stationery_pdf import all_text

HOME = dict(home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
            home_postcode="12534")
NO_FONT = "\U0010fffd"


def test_print_prompt_sets_a_cjk_name_and_warns_of_a_missing_glyph(db_path, make_client,
                                                                   make_purchase, tmp_path,
                                                                   capsys):
    lee = make_client(first_name="小龍", last_name="李", **HOME)
    odd = make_client(first_name="Ana", last_name=f"Alvarez{NO_FONT}", **HOME)
    out = tmp_path / "lee.pdf"
    lee_purchase = make_purchase(lee.id, dt.date(2026, 11, 20))
    assert main(["--db", str(db_path), "print", "prompt", "--purchase", str(lee_purchase.id),
                 "--out", str(out)]) == 0
    assert "李" in all_text(out.read_bytes())
    assert "no font here can print" not in capsys.readouterr().err
    odd_purchase = make_purchase(odd.id, dt.date(2026, 11, 20))
    assert main(["--db", str(db_path), "print", "prompt", "--purchase", str(odd_purchase.id),
                 "--out", str(tmp_path / "odd.pdf")]) == 0
    err = capsys.readouterr().err
    assert "warning: Ana Alvarez" in err and "U+10FFFD" in err


def test_print_card_envelope_warns_of_a_missing_glyph(db_path, make_client, make_purchase,
                                                       tmp_path, capsys):
    odd = make_client(first_name="Ana", last_name=f"Alvarez{NO_FONT}", **HOME)
    purchase = make_purchase(odd.id, dt.date(2026, 11, 20))
    assert main(["--db", str(db_path), "print", "card", "--purchase", str(purchase.id),
                 "--layout", "envelope-a6", "--out", str(tmp_path / "env.pdf")]) == 0
    err = capsys.readouterr().err
    assert "Ana Alvarez" in err and "U+10FFFD" in err
