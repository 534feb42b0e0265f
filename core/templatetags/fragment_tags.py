"""``{% fragment "name" vary_on... %}...{% endfragment %}``: see core/fragment_cache.py."""

from django import template
from django.utils.safestring import mark_safe

from core import fragment_cache

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        vary_on = [variable.resolve(context) for variable in self.vary_on]
        return mark_safe(  # noqa: S308 - the HTML the template rendered, kept as it was
            fragment_cache.render(
                context.get("request"),
                self.name.resolve(context),
                vary_on,
                lambda: self.nodelist.render(context),
            )
        )


@register.tag("fragment")
def do_fragment(parser, token):
    """Keep the enclosed HTML per content generation, language, site, day and ``vary_on``.

    Only for HTML that is the same for every visitor: never a CSRF token, a form's data or a
    signed-in name.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
