"""Templates compiled once per language, their fixed phrases already translated.

Every page carries a hundred or so `{% translate "…" %}` and `{% blocktranslate %}` tags.
Rendered as Django does it, each builds a lazy string, looks the active language up in a
thread-local and searches the catalogs again on every request, for the same answer each
time: together a visible share of an uncached page's time. A phrase written in the
template is the same on every render in a given language, so this loader (Django's cached
loader, keyed by language as well) translates such phrases when it first compiles a
template in that language and keeps them as plain text; a `{% blocktranslate %}` with
variables becomes its translated text in pieces with its variables between them, as if the
sentence had been written in that language in the template. Tags that depend on the
request (a variable to translate, `as` a variable, plural forms) are left to render as usual.
"""

import re

from django.template.base import (
    Node,
    NodeList,
    Template,
    TextNode,
    TokenType,
    Variable,
    render_value_in_context,
)
from django.template.context import Context
from django.template.loaders import cached
from django.templatetags.i18n import BlockTranslateNode, LanguageNode, TranslateNode
from django.utils import translation


class Loader(cached.Loader):
    def cache_key(self, template_name, skip=None):
        return f"{translation.get_language()}:{super().cache_key(template_name, skip)}"

    def get_template(self, template_name, skip=None):
        # Forms ask for a template per widget and option: the hit must stay one lookup.
        template = self.get_template_cache.get(self.cache_key(template_name, skip))
        if isinstance(template, Template):
            return template
        template = super().get_template(template_name, skip)
        # An empty context bound to the template: what a fixed phrase renders with.
        context = Context()
        context.template = template
        translate_fixed_phrases(template.nodelist, context)
        return template


def translate_fixed_phrases(nodelist, context):
    """Replace, in place, each tag of `nodelist` (and of the lists nested in its nodes) whose
    output is a fixed phrase by that phrase in the active language."""
    for index, node in enumerate(nodelist):
        translated = fixed_translation(node, context)
        if translated is not None:
            nodelist[index] = translated
            continue
        if isinstance(node, LanguageNode):
            continue  # {% language %} renders its phrases in another language
        for child in nested_nodelists(node):
            translate_fixed_phrases(child, context)


def nested_nodelists(node):
    for attribute in node.child_nodelists:
        child = getattr(node, attribute, None)
        if isinstance(child, NodeList):
            yield child
    # {% if %} keeps each branch's nodes in its conditions, not in child_nodelists.
    for _condition, child in getattr(node, "conditions_nodelists", ()):
        yield child


def fixed_translation(node, context):
    """A node rendering `node`'s output with its phrase already translated, or None to keep
    `node` as it is."""
    if isinstance(node, TranslateNode):
        variable = node.filter_expression.var
        fixed = (
            isinstance(variable, Variable)
            and variable.lookups is None
            and not node.filter_expression.filters
            and not node.asvar
            and not node.noop
            and (node.message_context is None or is_literal(node.message_context))
        )
        # Rendered by the tag itself, so percent signs and escaping come out as Django's.
        return TextNode(node.render(context)) if fixed else None
    if isinstance(node, BlockTranslateNode):
        if node.plural or node.countervar or node.asvar or node.message_context:
            return None
        if not node.extra_context and all(t.token_type == TokenType.TEXT for t in node.singular):
            return TextNode(node.render(context))
        return PretranslatedBlock.of(node)
    return None


def is_literal(filter_expression):
    """A quoted string in the template, with no filters (FilterExpression keeps it as str)."""
    return isinstance(filter_expression.var, str) and not filter_expression.filters


# What Django's {% blocktranslate %} fills in a translated text: `%(name)s` for a variable,
# `%%` for a percent sign.
PLACEHOLDER = re.compile(r"%\(([^)]*)\)s|%%")


class PretranslatedBlock(Node):
    """A {% blocktranslate %} with variables, its text translated when compiled: the text's
    pieces in the active language, with a node for each variable between them, so that a
    render costs what the same sentence written in the template would."""

    child_nodelists = ("nodelist",)

    def __init__(self, nodelist):
        self.nodelist = nodelist

    @classmethod
    def of(cls, node):
        """The block for `node`, or None (Django's node stays) when its translation holds a
        placeholder the tag does not fill or a stray percent sign: Django's node then says
        so, as it would without this loader."""
        singular, variables = node.render_token_list(node.singular)
        translated = translation.gettext(singular)
        pieces, text, position = [], "", 0
        for match in PLACEHOLDER.finditer(translated):
            between = translated[position : match.start()]
            if "%" in between:
                return None
            text += between
            position = match.end()
            name = match[1]
            if name is None:  # %%
                text += "%"
            elif name in variables:
                pieces += [TextNode(text), BlockVariableNode(name, node.extra_context.get(name))]
                text = ""
            else:
                return None
        rest = translated[position:]
        if "%" in rest:
            return None
        pieces.append(TextNode(text + rest))
        block = cls(NodeList(p for p in pieces if not isinstance(p, TextNode) or p.s))
        for piece in [block, *block.nodelist]:
            piece.token, piece.origin = node.token, node.origin
        return block

    def render(self, context):
        return self.nodelist.render(context)


class BlockVariableNode(Node):
    """One variable of a {% blocktranslate %}: its `with` expression, or the context's value
    of that name, rendered as Django's tag renders it (string_if_invalid when missing)."""

    def __init__(self, name, expression=None):
        self.name, self.expression = name, expression

    def render(self, context):
        if self.expression is not None:
            value = self.expression.resolve(context)
        elif self.name in context:
            value = context[self.name]
        else:
            invalid = context.template.engine.string_if_invalid
            value = invalid % self.name if "%s" in invalid else invalid
        return render_value_in_context(value, context)
