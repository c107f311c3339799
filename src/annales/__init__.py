"""annales: political event data from news text: who did what to whom, when, where, according to whom.

    >>> import annales
    >>> pipeline = annales.Pipeline()
    >>> coded = pipeline(annales.Article(id="a1", text="Russia expelled 20 Czech diplomats on Monday."))
    >>> [(e.source.code, e.cameo, e.target.code) for e in coded.events]    # doctest: +SKIP
    [('RUS', '1662', 'CZEGOV')]
"""

__version__ = "0.1.0"

from .errors import AnnalesError, ConfigError, InputError, ModelError, StoreError  # noqa: E402
from .records import Actor, Article, Event, Mention, Trigger  # noqa: E402


def __getattr__(name):  # heavy imports (spaCy) only when asked for
    if name in ("Pipeline", "CodedArticle"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["Actor", "AnnalesError", "Article", "CodedArticle", "ConfigError", "Event", "InputError",
           "Mention", "ModelError", "Pipeline", "StoreError", "Trigger", "__version__"]
