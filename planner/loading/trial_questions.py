"""Reading ``resources/trial/questions.toml``: the trial survey's questions (issue 23).

Checked as every data file is (``datafile.Reader``: a wrong entry names the file and the
field); every group of ``words.toml``'s ``trial_audience`` list must have its questions.
"""

from __future__ import annotations

from functools import cache

from ..domain.errors import ResourceError
from ..domain.text import L10n
from ..domain.trial import COMMENT, Audience, Option, Question, Questionnaire
from ..domain.vocabularies import TRIAL_AUDIENCES
from ..resources import resource_path
from .datafile import Reader

FILE = "trial/questions.toml"


def parse_questions(r: Reader) -> Questionnaire:
    scales: dict[str, tuple[tuple[Option, ...], bool]] = {}
    for name, s in r.get(r.data, "scales", "", dict).items():
        where = f"scales.{name}"
        r.check_kind(s, where, dict)
        options = tuple(
            Option(r.text(o, "code", w), r.count(o, "score", w, 0, 100), _words(r, o, w))
            for w, o in r.tables(s, "options", where)
        )
        r.unique([o.code for o in options], f"{where}.options")
        scales[name] = (options, r.get(s, "average", where, bool))
    audiences = []
    for w, a in r.tables(r.data, "audiences"):
        questions = []
        for qw, q in r.tables(a, "questions", w):
            scale = r.choice(q, "scale", qw, (*scales, COMMENT))
            options, average = scales.get(scale, ((), False))
            questions.append(Question(r.text(q, "id", qw), scale, r.l10n(q, "label", qw),
                                      r.l10n(q, "text", qw), options, average))  # fmt: skip
        r.unique([q.id for q in questions], f"{w}.questions")
        words = tuple(r.get(a, "file_words", w, list))
        audiences.append(Audience(r.choice(a, "id", w, TRIAL_AUDIENCES), tuple(questions),
                                  tuple(str(x) for x in words)))  # fmt: skip
    missing = [x for x in TRIAL_AUDIENCES if x not in {a.id for a in audiences}]
    if missing:
        r.fail("audiences", f"no questions for {', '.join(missing)}")
    return Questionnaire(tuple(audiences))


def _words(r: Reader, o: dict, where: str) -> L10n:
    return L10n(r.text(o, "ja", where), r.text(o, "en", where))


@cache
def default_questions() -> Questionnaire:
    """The bundled questions, read once per process."""
    path = resource_path(*FILE.split("/"))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ResourceError(FILE, "-", "file not found") from None
    return parse_questions(Reader(FILE, raw))
