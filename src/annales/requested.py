"""What an appeal or demand asks for, and the CAMEO sub-code that follows from it: CAMEO's 02
(appeal) and 10 (demand) families mirror the intents (03), so "urged X to extradite" is 0213."""

from __future__ import annotations

from . import ontology
from .lexicon import Lexicon, Pattern, child, match

# the clauses that hold what is asked for: "urged X to release", "demanded that X release"
REQUESTED_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


def requested_code(code: str, trig, lexicon: Lexicon, act: str | None = None) -> str:
    """An appeal's or demand's code made specific by what it asks for (``act``, by default the act
    requested in ``trig``'s complement): CAMEO's 02 and 10 families mirror the intents (03), so "urged
    Uganda to extradite" (063, intent 0313) is 0213 and "demanded the release of" (0841, intent 0353) is
    1053. A code already more specific than its asked act stays."""
    act = act or _requested_act(trig, lexicon)
    intent = ontology.recode_intended(act) if act else ""
    if not intent.startswith("03") or intent == "030":
        return code
    tail = "8" + intent[3:] if intent[2] == "9" else intent[2:]  # 039 (intend to mediate) -> 028 / 108
    specific = code[:2] + tail
    while specific not in ontology.codes() and len(specific) > 3:
        specific = specific[:-1]
    base = code[:2] if code[2:] in ("0", "00") else code
    return specific if specific.startswith(base) and len(specific) > len(base) else code


def _requested_act(trig, lexicon: Lexicon) -> str | None:
    """The code of the act asked for: the lexicon's code of the requested clause's verb ("to release",
    "to broker an agreement") or of the noun asked for ("for military aid", "for the delivery of aid")."""
    clauses = REQUESTED_DEPS | {"acl"} if trig.pos_ == "NOUN" else REQUESTED_DEPS  # "an appeal to extradite"
    for c in trig.children:
        if c.dep_ in clauses and c.i > trig.i and c.pos_ in ("VERB", "AUX"):
            # "to bring an end to the embargo", "to hold talks": a verb unknown to the lexicon asks for its object
            found = asked(c, lexicon, "verb") or (asked(child(c, "dobj"), lexicon, "noun")
                                                if c.lemma_ not in lexicon.verbs else None)
        elif (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "dobj":
            noun = child(c, "pobj") if c.dep_ == "prep" else c
            of = child(noun, "prep") if noun is not None else None
            found = asked(noun, lexicon, "noun") or (asked(child(of, "pobj"), lexicon, "noun")
                                                   if of is not None and of.lower_ == "of" else None)
        else:
            continue
        if found is not None and found.code:
            return found.code
    return None


def asked(tok, lexicon, kind: str) -> Pattern | None:
    """The pattern of a requested verb or noun (``kind``); its target need not be named ("to extradite
    (to *)"), but its other words must be among its own dependents. None where a void row applies."""
    table = lexicon.verbs if kind == "verb" else lexicon.nouns
    cands = table.get(tok.lemma_.lower()) if tok is not None else None
    if not cands or cands[0].dictionary or lexicon.voided(tok, kind, tok.lemma_.lower()):
        return None
    own = {c.lemma_.lower() for c in tok.children} | {p.target for p in cands}
    return match(tok, cands) or match(tok, [p for p in cands if set(p.words) <= own], reciprocal=True)
