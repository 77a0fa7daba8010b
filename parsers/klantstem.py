"""Klantstem Onderzoek's KTO for UWV scholingsdiensten: one row per perceel and cluster.

Klantstem Onderzoek is a fictitious bureau: its layout was designed from UWV's requirements for
the Raamovereenkomst Scholingsdiensten 2021 (seed 000) to stand for the reports of bureaus that
follow them to the letter, as a second vendor next to Panteia. What it has that Blik op Werk does
not: a "Tabel 2.1 Respons en rapportcijfer per perceel en cluster" with, per row, the services
ended, the clients approached and the participants; a methodological account ("2
Methodologische verantwoording"); and a signature page ("Ondertekening").

The table and the cover read like the generic parser's (this class extends it); what makes it a
vendor parser is that it knows the layout, so its values are not marked low confidence, and it
reads the methodological account.
"""

from __future__ import annotations

import regex

from kto_ingest.document import Block, Document
from kto_ingest.registry import Detection, Signal, add_evidence
from kto_ingest.schema import Approach, Facts

from .generic import GenericTableParser

RE_TABLE = regex.compile(r"^Tabel\s+2\s?[.,]?\s?1\s+Respons en rapportcijfer per perceel", regex.I)  # "2,1" or "21" from OCR


class KlantstemParser(GenericTableParser):
    id = "klantstem-uwv"
    name = "Klantstem Onderzoek – KTO scholingsdiensten UWV (per perceel)"
    min_score = 0.7
    fallback = False
    confidence = "high"

    def detect(self, doc: Document) -> Detection:
        first = " ".join(b.text for p in doc.pages[:2] for b in p.blocks).lower()
        blocks = [b for p in doc.pages for b in p.body_blocks]
        table = next((b for b in blocks if RE_TABLE.match(b.text)), None)
        account = next((b for b in blocks if b.text.endswith("Methodologische verantwoording")), None)
        signals = [
            Signal("'Klantstem Onderzoek' op het voorblad", "klantstem onderzoek" in first, 0.35, 1),
            Signal("'Tabel 2.1 Respons en rapportcijfer per perceel en cluster'", table is not None, 0.3,
                   table.page if table else None),
            Signal("Hoofdstuk 'Methodologische verantwoording'", account is not None, 0.2, account.page if account else None),
            Signal("'Klanttevredenheidsonderzoek scholingsdiensten UWV' op het voorblad",
                   "klanttevredenheidsonderzoek scholingsdiensten uwv" in first, 0.15, 1),
        ]
        return Detection.from_signals(self, signals)

    def parse(self, doc: Document) -> Facts:
        facts = super().parse(doc)
        facts.layout = "2021"
        blocks = [b for p in doc.pages for b in p.body_blocks]
        self.account(blocks, facts)
        return facts

    def account(self, blocks: list[Block], facts: Facts) -> None:
        """"Wijze van benadering: ..." in the methodological account."""
        block = next((b for b in blocks if b.text.startswith("Wijze van benadering")), None)
        if block is None:
            facts.warnings.append("Wijze van benadering niet gevonden in de methodologische verantwoording.")
            return
        low = block.text.lower()
        facts.approach = Approach(
            email="per e-mail" in low,
            schriftelijk="schriftelijk" in low,
            herinnering="herinnering" in low,
            telefonisch="ja" if "telefonisch" in low else None,
            text=block.text,
            page=block.page,
        )
        add_evidence(facts, "approach", block)
        facts.fact_status.pop("approach", None)  # found here, whatever the generic reading recorded
