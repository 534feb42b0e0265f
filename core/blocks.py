"""StreamField blocks shared by all page types."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkStructValue(blocks.StructValue):
    """Resolves a link to either an internal page (in the visitor's language) or a URL."""

    def href(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""

    def text(self):
        if self.get("label"):
            return self["label"]
        page = self.get("page")
        return page.localized.title if page else self.get("url", "")


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to an external address, never both."""

    label = blocks.CharBlock(label=_("Beschriftung"), required=False, max_length=80)
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    class Meta:
        value_class = LinkStructValue
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Bitte wählen Sie entweder eine Seite oder eine externe Adresse.")
                    )
                }
            )
        return value


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Bild mit Bildunterschrift")
        template = "core/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    author = blocks.CharBlock(label=_("Person"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Funktion"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "core/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Schaltfläche"))

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "core/blocks/call_to_action.html"


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    image = ImageBlock(label=_("Bild"), required=False)
    link = LinkBlock(label=_("Link"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Karte")


class CardsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    cards = blocks.ListBlock(CardBlock(), label=_("Karten"), min_num=1, max_num=12)

    class Meta:
        icon = "table"
        label = _("Karten")
        template = "core/blocks/cards.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Zahl"), max_length=20, help_text=_("z. B. „6–18“ oder „25“"))
    label = blocks.CharBlock(label=_("Beschriftung"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Kennzahlen"), min_num=1, max_num=8)

    class Meta:
        icon = "order"
        label = _("Kennzahlen")
        template = "core/blocks/key_figures.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Antwort"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Fragen"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Häufige Fragen (Akkordeon)")
        template = "core/blocks/faq.html"


class VideoBlock(blocks.StructBlock):
    """A video shown only after the visitor asks for it, so no third party is contacted first."""

    title = blocks.CharBlock(label=_("Titel"), max_length=160)
    url = blocks.URLBlock(
        label=_("Video-Adresse"), help_text=_("z. B. eine YouTube- oder Vimeo-Adresse")
    )
    transcript = blocks.TextBlock(
        label=_("Transkript"), required=False, help_text=_("Textfassung für Barrierefreiheit")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "core/blocks/video.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    label = blocks.CharBlock(label=_("Beschriftung"), required=False, max_length=160)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Dokument")
        template = "core/blocks/document_link.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The content blocks an editor can use on every page with a body."""

    rich_text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    cards = CardsBlock()
    key_figures = KeyFiguresBlock()
    faq = FAQBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
