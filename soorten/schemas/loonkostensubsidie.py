"""API contract for the loonkostensubsidie (Participatiewet art. 10d)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from decimal import Decimal
from operator import itemgetter

from marshmallow import Schema, ValidationError, fields, post_load, validates_schema

from calculator import loonkostensubsidie as lks
from calculator.explanation import Melding
from calculator.periods import leeftijd_op
from calculator.wml import VOLWASSEN_LEEFTIJD

from ..getallen import tekst_naar_waarde

from ..fields import Bedrag, Datum, Geheel, Getal, InvoerSchema, JaNee, Percentage, tussen
from ..register import Soort, registreer
from .common import MAX_LEEFTIJD, PersoonVelden, vandaag


class LoonkostensubsidieInvoer(PersoonVelden, InvoerSchema):
    peildatum = Datum(load_default=vandaag, metadata={"description": "De datum waarop wordt gerekend; standaard vandaag"})
    uren_per_week = Getal(required=True, validate=tussen(Decimal("0.01"), 60),
                          metadata={"description": "Contracturen per week", "example": "32"})
    voltijd_uren_per_week = Getal(load_default=lks.STANDAARD_VOLTIJD_UREN, validate=tussen(1, 60),
                                  metadata={"description": "Voltijdse arbeidsduur per week van de functie (standaard 38). De contracturen tellen ten hoogste zo zwaar (Participatiewet art. 10d lid 4); vóór 2024 is dit ook de arbeidsduur waarnaar de subsidie naar evenredigheid wordt verminderd", "example": "38"})
    loonwaarde = Geheel(load_default=None, validate=tussen(0, 100),
                        metadata={"description": "Loonwaarde in hele procenten van het WML (0-100); niet nodig bij forfaitair", "example": 60})
    forfaitair = JaNee(load_default=False, metadata={"description": "Forfaitaire loonkostensubsidie (percentage lks.forfaitair_percentage, ten hoogste lks.forfaitair_maximale_duur maanden; GET /api/v1/parameters) zolang de loonwaarde niet is vastgesteld"})
    bbl = JaNee(load_default=False, metadata={"description": "Werknemer volgt de beroepsbegeleidende leerweg (BBL), van belang van 18 tot 21 jaar"})
    functieloon_per_uur = Getal(load_default=None, validate=tussen(Decimal("0.01"), 1000),
                                metadata={"description": "Bruto uurloon volgens cao of arbeidsovereenkomst (optioneel)"})
    begindatum_dienstbetrekking = Datum(load_default=None, metadata={
        "description": "Begindatum van de dienstbetrekking (optioneel). Het jaartotaal telt alleen de maanden van de "
                       "dienstbetrekking; de forfaitaire loonkostensubsidie loopt de eerste 6 maanden vanaf deze datum "
                       "(art. 10d lid 5); begint de dienstbetrekking in het jaar, dan geldt het minimumloon van deze "
                       "datum (daarna opnieuw per 1 januari, lid 7). Zonder begindatum: het hele jaar.",
        "example": "2026-03-01"})
    einddatum_dienstbetrekking = Datum(load_default=None, metadata={
        "description": "Einddatum van de dienstbetrekking (optioneel, de laatste dag). Het jaartotaal telt alleen de "
                       "maanden tot en met deze datum; een maand die maar voor een deel in de dienstbetrekking valt, "
                       "telt naar kalenderdagen."})
    jaaroverzicht = JaNee(load_default=False, metadata={
        "description": "Ook de 12 maanden van het kalenderjaar van de peildatum tonen (`per_jaar.maanden`): "
                       "alle maanden met het minimumloon van 1 januari (of van de begindatum), een verjaardag die het "
                       "minimumjeugdloon verhoogt, het begin en einde van de dienstbetrekking en het einde van de "
                       "forfaitaire periode. De jaartotalen staan "
                       "altijd in `per_jaar`; zonder deze keuze is `per_jaar.maanden` null."})

    @validates_schema
    def _loonwaarde_nodig(self, data, **kwargs):
        fouten = {}
        if not data.get("forfaitair") and data.get("loonwaarde") is None:
            fouten["loonwaarde"] = ["Vul de loonwaarde in (0 tot en met 100), of kies forfaitair."]
        begin, eind = data.get("begindatum_dienstbetrekking"), data.get("einddatum_dienstbetrekking")
        peildatum = data.get("peildatum")
        if begin and eind and eind < begin:
            fouten["einddatum_dienstbetrekking"] = ["De einddatum van de dienstbetrekking ligt vóór de begindatum."]
        if begin and peildatum and peildatum < begin:
            fouten["peildatum"] = ["De peildatum ligt vóór de begindatum van de dienstbetrekking: dan is er nog geen "
                                   "loonkostensubsidie. Kies een peildatum vanaf de begindatum."]
        elif eind and peildatum and peildatum > eind:
            fouten["peildatum"] = ["De peildatum ligt na de einddatum van de dienstbetrekking: dan is er geen "
                                   "loonkostensubsidie meer. Kies een peildatum tot en met de einddatum."]
        if fouten:
            raise ValidationError(fouten)

    @post_load
    def _maak(self, data, **kwargs):
        return lks.LksInvoer(**data)


class LksMaandSchema(Schema):
    maand = fields.String(metadata={"example": "2026-07"})
    leeftijd = fields.List(fields.Integer(), metadata={"description": "Leeftijd(en) in de maand; twee bij een verjaardag na de 1e"})
    wml_per_maand_incl_vakantiebijslag = Bedrag()
    loonkostensubsidie = Bedrag()
    werkgeverslasten = Bedrag()
    totaal = Bedrag()


class PerJaarSchema(Schema):
    jaar = fields.Integer()
    vastgesteld_per = fields.Date(metadata={
        "description": "De datum waarvan het minimumloon voor het hele jaar geldt: 1 januari, of de begindatum als "
                       "de dienstbetrekking later in het jaar begint (Participatiewet art. 10d lid 7)"})
    loonkostensubsidie = Bedrag()
    werkgeverslasten = Bedrag()
    totaal = Bedrag()
    maanden = fields.List(fields.Nested(LksMaandSchema), allow_none=True,
                          metadata={"description": "Alleen met `\"jaaroverzicht\": true` in de invoer; anders null"})


class LoonkostensubsidieResultaat(Schema):
    leeftijd = fields.Integer()
    minimumloon_percentage = Percentage(metadata={"description": "Minimumjeugdloon als percentage van het WML (100 vanaf 21 jaar), zoals de loonkostensubsidie het gebruikt: Wml art. 8 lid 3 (Participatiewet art. 2), ook bij BBL"})
    wml_per_uur = Bedrag(metadata={"description": "Wettelijk minimumloon per uur op de peildatum (bij BBL het BBL-bedrag): wat de werkgever ten minste betaalt"})
    wml_per_uur_indicatief = fields.Boolean(metadata={"description": "Waar vóór 2024: de wet kende toen geen uurloon"})
    wml_per_maand = Bedrag(metadata={"description": "Wettelijk minimumloon per maand (Participatiewet art. 2) voor de contracturen, excl. vakantiebijslag: vanaf 2024 het maandbedrag × uren / 36, met ten hoogste de voltijduren van de functie (art. 10d lid 4)"})
    vakantiebijslag = Bedrag()
    wml_per_maand_incl_vakantiebijslag = Bedrag()
    loonwaarde_per_maand = Bedrag(allow_none=True)
    maximum_loonkostensubsidie = Bedrag()
    maximum_bereikt = fields.Boolean()
    loonkostensubsidie = Bedrag()
    werkgeverslasten = Bedrag()
    totaal = Bedrag()
    functieloon_per_maand_incl_vakantiebijslag = Bedrag(allow_none=True)
    eigen_kosten_werkgever_boven_wml = Bedrag(allow_none=True)
    per_jaar = fields.Nested(PerJaarSchema, metadata={"description": "Het kalenderjaar van de peildatum: de totalen over de maanden van de dienstbetrekking (zonder begindatum: het hele jaar)"})


_ONGELDIG = object()  # a cell its field does not load (LksKlassen._waarde)
_JAARTOTALEN = {"per_jaar.loonkostensubsidie", "per_jaar.werkgeverslasten", "per_jaar.totaal"}
# The input fields LksKlassen knows; a new field must be thought through there first (as lks._BEKENDE_VELDEN)
_KLASSEN_VELDEN = {"peildatum", "uren_per_week", "voltijd_uren_per_week", "loonwaarde", "forfaitair", "bbl",
                   "functieloon_per_uur", "begindatum_dienstbetrekking", "einddatum_dienstbetrekking",
                   "jaaroverzicht", "geboortedatum", "leeftijd"}
assert set(LoonkostensubsidieInvoer().fields) == _KLASSEN_VELDEN, "LksKlassen: LoonkostensubsidieInvoer changed"


class LksKlassen:
    """Batch rows of the LKS sorted into classes without loading them through the schema (issue 17 part 3). Rows
    of one class get the same answer from the schema load and `bereken` except in the result fields `GATEN` (the
    holes): the warnings, the receipt and the columns that are always empty are the same. The batch computes the
    first row of a class in full (schema load, `bereken`, dump) and keeps its text with holes; for every other row
    `resultaat` gives the hole values (`lks.Jaartotalen`: the same steps as `bereken` on kept month amounts).
    The hole values depend only on the class and `fijn` (the contract hours and the loonwaarde), except those in
    `eigen_velden(klasse)`, which `eigen` gives per row (the age on the peildatum, for a young worker also the year
    totals, which the birthday splits).

    A row gets a class (else None: the batch loads and computes it as always) when its geboortedatum and its
    begindatum (if any) are valid dates for their fields, it has a peildatum (cell or `--peildatum`), no leeftijd,
    no functieloon, no einddatum, no jaaroverzicht, the geboortedatum lies on or before the
    peildatum and at most MAX_LEEFTIJD calendar years before today, and the begindatum on or before the
    peildatum. Then every check of `LoonkostensubsidieInvoer` (and of `lks._controleer`) on those dates
    passes. (A begindatum after the peildatum is the schema's error whatever the birth date: such a row gets a
    `fout` class of its other cells.) The class holds the peildatum, whether there is a begindatum and every other cell as it is written
    except the contract hours and the loonwaarde, plus:

    - an adult all year (`jaar - geboortejaar - 1 >= 21`, as `lks.gelijke_uitkomst`): nothing more;
    - otherwise the ages on 1 January, on 31 December and on the peildatum: the same ages in the year, so the
      same minimumloon parameters are used;
    - an adult whose dienstbetrekking starts in the peildatum's year (on or before the peildatum): the parameter
      period of the begindatum (between two dates on which any parameter changes, every date gives the same
      values), which sets the year's values (art. 10d lid 7); the begindatum itself is a hole
      (`per_jaar.vastgesteld_per`), as are the year totals. A young worker with such a begindatum is computed in
      full (which months count, and so which ages, depends on the begindatum);
    - an adult with forfaitaire LKS (art. 10d lid 5) whose peildatum lies in its period: the parameter period of the
      vaststellingsdatum and the loonwaarde cell as written; the vaststellingsdatum and the year totals are holes
      (the begindatum sets the period). A young worker with forfaitaire LKS is computed in full.

    The contract hours and the loonwaarde must then be valid for their fields (each text checked once by the
    field itself); the hours are in the class when they exceed the full-time hours (that warning names them).
    A row whose hours or loonwaarde do not load gets a class with those cells as written (`fout`): its first
    row's error message is the class's. This repeats part of the schema's checks (the dates, MAX_LEEFTIJD, the
    hours against the full-time hours); tests/test_batch_klassen.py compares the batch with classes against the
    batch without them (REKENHULP_SNEL=0) and the single-case API on random rows made to hit these edges."""

    GATEN = ("leeftijd", "minimumloon_percentage", "wml_per_uur", "wml_per_uur_indicatief", "wml_per_maand",
             "vakantiebijslag", "wml_per_maand_incl_vakantiebijslag", "loonwaarde_per_maand",
             "maximum_loonkostensubsidie", "maximum_bereikt", "loonkostensubsidie", "werkgeverslasten", "totaal",
             "per_jaar.jaar", "per_jaar.vastgesteld_per", "per_jaar.loonkostensubsidie",
             "per_jaar.werkgeverslasten", "per_jaar.totaal")
    _EIGEN = {"volwassen": ("leeftijd",),
              "begin": ("leeftijd", "per_jaar.vastgesteld_per", "per_jaar.loonkostensubsidie",
                        "per_jaar.werkgeverslasten", "per_jaar.totaal"),
              "forfaitair": ("leeftijd", "per_jaar.vastgesteld_per", "per_jaar.loonkostensubsidie",
                             "per_jaar.werkgeverslasten", "per_jaar.totaal"),
              "jong": ("leeftijd", "per_jaar.loonkostensubsidie", "per_jaar.werkgeverslasten", "per_jaar.totaal")}
    _WAARDEN = 50_000  # distinct cell texts kept

    def __init__(self, kolommen: list[tuple[int, str]], peildatum: date | None, params):
        """`kolommen`: (index in the row's cells, input field) of the file's input columns."""
        namen = {k: i for i, k in kolommen}
        self.bruikbaar = all(k in namen for k in ("geboortedatum", "uren_per_week", "loonwaarde")) and \
            (peildatum is not None or "peildatum" in namen)
        self.i_geb = namen.get("geboortedatum")
        self.i_begin = namen.get("begindatum_dienstbetrekking")
        self.i_peil = None if peildatum is not None else namen.get("peildatum")
        self.i_uren = namen.get("uren_per_week")
        self.i_lw = namen.get("loonwaarde")
        self.i_voltijd = namen.get("voltijd_uren_per_week")
        self.peil_optie = peildatum
        # cells that must be blank for a class
        leeg = [namen[k] for k in ("leeftijd", "einddatum_dienstbetrekking", "jaaroverzicht",
                                   "functieloon_per_uur") if k in namen]
        self.i_forf = namen.get("forfaitair")
        self.params = params
        self.leeg = self._getter(leeg) if leeg else None
        eigen = ("geboortedatum", "begindatum_dienstbetrekking", "uren_per_week", "loonwaarde")
        self.andere = self._getter([i for i, k in kolommen if k not in eigen
                                    and not (k == "peildatum" and peildatum is not None)])
        self.alle = self._getter([i for i, k in kolommen if k not in ("geboortedatum", "begindatum_dienstbetrekking")
                                  and not (k == "peildatum" and peildatum is not None)])
        schema = LoonkostensubsidieInvoer()
        self._veld = {k: schema.fields[k] for k in ("geboortedatum", "begindatum_dienstbetrekking", "peildatum",
                                                    "uren_per_week", "loonwaarde", "voltijd_uren_per_week",
                                                    "forfaitair")}
        self._aard = {"uren_per_week": "getal", "voltijd_uren_per_week": "getal", "loonwaarde": "geheel",
                      "forfaitair": "janee"}
        self._waarden: dict = {k: {} for k in self._veld}
        self._w_geb, self._w_peil = self._waarden["geboortedatum"], self._waarden["peildatum"]
        self.standaard_voltijd = lks.STANDAARD_VOLTIJD_UREN
        # MAX_LEEFTIJD is checked against today only for a geboortedatum near it (five years' margin for a run
        # that passes New Year)
        self._jaar_veilig = vandaag().year - MAX_LEEFTIJD + 5
        self.jaartotalen = lks.Jaartotalen(params)
        # the dates on which any parameter gets a value, loses it or passes its horizon: between two of them
        # every look-up gives the same answer
        self._wisseldata = sorted({e.vanaf for p in params for e in p.entries}
                                  | {p.bekend_tot + timedelta(days=1) for p in params if p.bekend_tot < date.max})
        self.geval = None  # (geboortedatum, begindatum, uren, loonwaarde, leeftijd op de peildatum) of the last row
        # what the holes outside `eigen_velden` depend on, for the last row: the peildatum, the hours, the
        # loonwaarde, the other cells and for a young worker the age on the peildatum (the month of the peildatum)
        self.fijn = None

    @staticmethod
    def _getter(idx: list[int]):
        if not idx:
            return lambda cellen: ()
        if len(idx) == 1:
            return lambda cellen, i=idx[0]: (cellen[i],)
        return itemgetter(*idx)

    def _waarde(self, veld: str, tekst: str):
        """What a (not blank) cell gives its field, as the batch's cell conversion and the field's own load, or
        _ONGELDIG; kept per field and text (`_waarden`, which `klasse` reads first)."""
        bekend = self._waarden[veld]
        try:
            w = self._veld[veld].deserialize(tekst_naar_waarde(tekst, self._aard.get(veld, "datum")))
        except ValidationError:
            w = _ONGELDIG
        if w is None:
            w = _ONGELDIG
        if len(bekend) >= self._WAARDEN:
            bekend.clear()
        bekend[tekst] = w
        return w

    def klasse(self, cellen: list[str]):
        """The class of a row (its cells as in the file), or None; a blank cell is one that is empty or only
        white space, as the batch reads it. (Each cell is looked up in `_waarden` here, not through a call: this
        runs for every row of a file.)"""
        if self.leeg:
            leeg = "".join(self.leeg(cellen))  # all blank: empty or only white space
            if leeg and not leeg.isspace():
                return None
        w = self._waarden
        g = cellen[self.i_geb]
        geb = self._w_geb.get(g)
        if geb is None:
            geb = _ONGELDIG if not g or g.isspace() else self._waarde("geboortedatum", g)
        if geb is _ONGELDIG:
            return None
        if self.peil_optie is not None:
            peil = self.peil_optie
        else:
            p = cellen[self.i_peil]
            peil = self._w_peil.get(p)
            if peil is None:
                peil = _ONGELDIG if not p or p.isspace() else self._waarde("peildatum", p)
            if peil is _ONGELDIG:
                return None
        if geb > peil:
            return None
        if geb.year <= self._jaar_veilig and vandaag().year - geb.year > MAX_LEEFTIJD:
            return None
        jaar = peil.year
        begin = None
        if self.i_begin is not None:
            b = cellen[self.i_begin]
            if b and not b.isspace():
                begin = w["begindatum_dienstbetrekking"].get(b)
                if begin is None:
                    begin = self._waarde("begindatum_dienstbetrekking", b)
                if begin is _ONGELDIG:
                    return None
                if begin > peil:
                    # refused by the schema ("De peildatum ligt vóór de begindatum ..."), or with the field errors
                    # of the other cells, which the class holds: one message for the class (`fout`)
                    return ("fout", peil, "na_begin", jaar - geb.year - 1 >= VOLWASSEN_LEEFTIJD, self.alle(cellen))
        forfaitair = False
        if self.i_forf is not None:
            f = cellen[self.i_forf]
            if f and not f.isspace():
                forfaitair = w["forfaitair"].get(f)
                if forfaitair is None:
                    forfaitair = self._waarde("forfaitair", f)
        u, lw = cellen[self.i_uren], cellen[self.i_lw]
        uren = w["uren_per_week"].get(u)
        if uren is None:
            uren = _ONGELDIG if not u or u.isspace() else self._waarde("uren_per_week", u)
        if not lw or lw.isspace():
            loonwaarde = None if forfaitair is True else _ONGELDIG  # (forfaitaire LKS needs no loonwaarde)
        else:
            loonwaarde = w["loonwaarde"].get(lw)
            if loonwaarde is None:
                loonwaarde = self._waarde("loonwaarde", lw)
        volwassen = jaar - geb.year - 1 >= VOLWASSEN_LEEFTIJD
        if uren is _ONGELDIG or loonwaarde is _ONGELDIG or forfaitair is _ONGELDIG:
            return ("fout", peil, begin is None, volwassen, self.alle(cellen))
        voltijd = self.standaard_voltijd
        if self.i_voltijd is not None:
            v = cellen[self.i_voltijd]
            if v and not v.isspace():
                voltijd = w["voltijd_uren_per_week"].get(v)
                if voltijd is None:
                    voltijd = self._waarde("voltijd_uren_per_week", v)
                if voltijd is _ONGELDIG:
                    return ("fout", peil, begin is None, volwassen, self.alle(cellen))
        boven = uren if uren > voltijd else None  # the warning names the hours
        andere = self.andere(cellen)
        leeftijd = peil.year - geb.year - ((peil.month, peil.day) < (geb.month, geb.day))  # periods.leeftijd_op
        self.geval = (geb, begin, uren, loonwaarde, leeftijd)
        if forfaitair:
            # forfaitaire LKS (art. 10d lid 5), for an adult: the month amounts do not depend on the loonwaarde (its
            # text is in the class: whether one is given is a warning); the begindatum sets the period, so the
            # begindatum (as vaststellingsdatum) and the year totals are holes, and the parameter period of the
            # vaststellingsdatum is in the class; a peildatum after the period is an error: computed in full
            if not volwassen:
                return None
            vd = begin if begin is not None and begin.year >= jaar else date(jaar, 1, 1)
            if begin is not None:
                try:
                    if peil >= lks.forfaitair_einde(self.params, begin, vd):
                        return None
                except LookupError:
                    return None
            periode = bisect_right(self._wisseldata, vd)
            self.fijn = ("forfaitair", peil, periode, uren, andere)
            return ("forfaitair", peil, periode, begin is None, boven, lw, andere)
        if begin is not None and begin.year >= jaar:
            # a dienstbetrekking that starts in the year: its begindatum sets the year's parameter values (art. 10d
            # lid 7); for an adult every date of one parameter period (`periode`) gives the same values
            if not volwassen:
                return None
            periode = bisect_right(self._wisseldata, begin)
            self.fijn = ("begin", peil, periode, uren, loonwaarde, andere)
            return ("begin", peil, periode, boven, andere)
        if volwassen:
            self.fijn = (peil, uren, loonwaarde, andere)
            return ("volwassen", peil, begin is None, boven, andere)
        self.fijn = (peil, leeftijd, uren, loonwaarde, andere)
        return ("jong", peil, begin is None, boven, leeftijd_op(geb, date(jaar, 1, 1)),
                leeftijd_op(geb, date(jaar, 12, 31)), leeftijd, andere)

    def eigen_velden(self, klasse) -> tuple:
        """The holes of a class that `eigen` gives per row (`fout`: none, the class has no holes)."""
        return self._EIGEN.get(klasse[0], ())

    def _invoer(self, voorbeeld: lks.LksInvoer) -> lks.LksInvoer:
        """`dataclasses.replace(voorbeeld, ...)` with this row's values, without running the generated __init__
        again (LksInvoer's only assigns its fields; a frozen one does so through object.__setattr__, which costs
        more than the year totals of an adult). tests/test_batch_klassen.py checks it equals replace."""
        geb, begin, uren, loonwaarde, _ = self.geval
        kopie = object.__new__(lks.LksInvoer)
        velden = kopie.__dict__
        velden.update(voorbeeld.__dict__)
        velden["geboortedatum"] = geb
        velden["begindatum_dienstbetrekking"] = begin
        velden["uren_per_week"] = uren
        velden["loonwaarde"] = loonwaarde
        return kopie

    def resultaat(self, voorbeeld: lks.LksInvoer, klasse=None) -> dict:
        """The result of the last row `klasse` classed, on `voorbeeld` (the loaded input of the class's first row)
        with this row's geboortedatum, begindatum, hours and loonwaarde. With the class: the year totals are None
        when they are all among its own holes (`eigen` gives them per row), so they are not computed twice. (The
        batch and the comparison keep such a result per `fijn`; a fijn of one kind of class is never one of
        another kind, so it never serves a class that reads the totals from it.)"""
        zonder = klasse is not None and _JAARTOTALEN <= set(self.eigen_velden(klasse))
        return self.jaartotalen.resultaat(self._invoer(voorbeeld), not zonder)

    def eigen(self, klasse, voorbeeld: lks.LksInvoer) -> tuple:
        """The values of `eigen_velden(klasse)` for the last row classed."""
        if klasse[0] == "volwassen":
            return (self.geval[4],)
        invoer = self._invoer(voorbeeld)
        totalen = self.jaartotalen.totalen(invoer)
        if klasse[0] in ("begin", "forfaitair"):
            return (totalen[0], lks.vaststellingsdatum(invoer), *totalen[1:])
        return totalen


SOORT = registreer(Soort(
    naam=lks.SOORT,
    titel=Melding("lks.soort.titel"),  # texts in calculator/teksten/loonkostensubsidie.yaml
    omschrijving=Melding("lks.soort.omschrijving"),
    invoer_schema=LoonkostensubsidieInvoer,
    resultaat_schema=LoonkostensubsidieResultaat,
    bereken=lks.bereken,
    gelijke_uitkomst=lks.gelijke_uitkomst,
    klassen=LksKlassen,
    voorbeeld={"peildatum": "2026-01-01", "geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60},
    volgorde=10,
    # the 12 months as the web page asks for them, for a young worker (a birthday after the 1st that raises
    # the minimumjeugdloon during the year) and in the forfaitaire period; then the same two cases as the API
    # answers them by default (the year totals from runs of identical months); then the dienstbetrekking dates
    # (tests/test_dekking.py also starts a dienstbetrekking on every tested date)
    dekking_varianten=(
        {"peildatum": "2026-01-01", "geboortedatum": "2006-05-10", "uren_per_week": 32, "loonwaarde": 60,
         "jaaroverzicht": True},
        {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 24, "forfaitair": True, "jaaroverzicht": True},
        {"peildatum": "2026-01-01", "geboortedatum": "2006-05-10", "uren_per_week": 32, "loonwaarde": 60},
        {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 24, "forfaitair": True},
        # a dienstbetrekking around every supported peildatum and a year added by data (test_horizon), more hours
        # than the function's full time
        {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 40, "voltijd_uren_per_week": 38, "loonwaarde": 50,
         "begindatum_dienstbetrekking": "2021-06-15", "einddatum_dienstbetrekking": "2030-03-10"},
    ),
))
