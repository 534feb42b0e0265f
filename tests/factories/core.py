"""What every page factory builds on: publishing as an editor does, translations, images."""

import factory
import wagtail_factories
from wagtail.models import Locale


class LocalizedFactory(factory.django.DjangoModelFactory):
    """A translatable snippet, in the default language (German) unless ``locale`` is given."""

    class Meta:
        abstract = True

    locale = factory.LazyFunction(Locale.get_default)


class PageFactory(wagtail_factories.PageFactory):
    """A page added below ``parent``, live, as Wagtail stores a page created in code.

    ``publish=True`` then publishes it through a revision, as an editor does: the publication
    dates are set and the ``page_published`` signal is sent (search index, page privacy).
    Many-to-many fields (``topics=[...]``) can be given like any other field.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    publish = factory.PostGeneration(lambda page, create, extracted, **kwargs: bool(extracted))

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # After every other hook, so that the published revision holds what they added.
        if create and results and results.get("publish"):
            publish(instance)


def publish(page):
    """Publish ``page`` through a revision, as an editor does, and reload it."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_translation(page, locale, **changes):
    """Translate a published page as wagtail-localize would, apply changes, and publish it.

    The parent must already have a translation in ``locale``.
    """
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    return publish(translated)


def translate_snippet(instance, locale, **changes):
    """Create the translation of a taxonomy or expert snippet in ``locale``."""
    translated = instance.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save()
    return translated


class ImageFactory(wagtail_factories.ImageFactory):
    """An image of the site's image model (core.CustomImage), with a small generated file."""

    title = factory.Sequence(lambda n: f"Bild {n}")
