"""A person's own tags (Account → Tags): add, rename, archive or restore, and reorder."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.models import User
from apps.checkins.models import Tag


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "kind"]
        labels = {"name": "Tag", "kind": "It is about"}
        error_messages = {
            "name": {
                "required": "Give the tag a name, like “gardening”.",
                "max_length": "Keep it under 30 characters.",
            },
            "kind": {
                "invalid_choice": "Choose what the tag is about: what you did, who, or where."
            },
        }

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = Tag.objects.for_user(self.user).exclude(pk=self.instance.pk)
        if others.annotate(lower=Lower("name")).filter(lower=name.lower()).exists():
            raise forms.ValidationError(
                "You have a tag called “%(name)s” already.", params={"name": name}
            )
        return name

    def clean(self) -> dict:
        data = super().clean()
        is_new = self.instance.pk is None
        if is_new and Tag.objects.for_user(self.user).active().count() >= Tag.MAX_ACTIVE:
            raise forms.ValidationError(
                "You have %(max)s tags in use. Archive one you no longer need first.",
                params={"max": Tag.MAX_ACTIVE},
            )
        return data


def own_tag(request: HttpRequest, pk: int) -> Tag:
    return get_object_or_404(Tag.objects.for_user(request.user), pk=pk)


def tags_context(request: HttpRequest, **forms_: object) -> dict:
    tags = list(Tag.objects.for_user(request.user))
    labels = dict(Tag.Kind.choices)
    active = [t for t in tags if t.archived_at is None]
    return {
        "groups": [(labels[k], [t for t in active if t.kind == k]) for k in labels],
        "archived": [t for t in tags if t.archived_at is not None],
        "form": forms_.get("form") or TagForm(user=request.user),
        "failed": forms_.get("failed"),
        "max_active": Tag.MAX_ACTIVE,
    }


@require_GET
@login_required
def tags(request: HttpRequest) -> HttpResponse:
    return render(request, "checkins/tags.html", tags_context(request))


@require_POST
@login_required
def tag_add(request: HttpRequest) -> HttpResponse:
    User.objects.lock_row(request.user)  # two tabs still make at most MAX_ACTIVE
    form = TagForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "checkins/tags.html", tags_context(request, form=form), status=422)
    tag = form.save(commit=False)
    tag.user = request.user
    last = Tag.objects.for_user(request.user).order_by("-order").first()
    tag.order = last.order + 1 if last else 0
    tag.save()
    messages.success(request, f"Added “{tag.name}”.")
    return redirect("checkins:tags")


@require_POST
@login_required
def tag_rename(request: HttpRequest, pk: int) -> HttpResponse:
    tag = own_tag(request, pk)
    form = TagForm(
        {"name": request.POST.get("name", ""), "kind": tag.kind}, instance=tag, user=request.user
    )
    if not form.is_valid():
        tag.refresh_from_db()
        context = tags_context(request, failed=(tag.pk, form))
        return render(request, "checkins/tags.html", context, status=422)
    form.save()
    messages.success(
        request, f"Renamed to “{tag.name}”. Past check-ins keep it under its new name."
    )
    return redirect("checkins:tags")


@require_POST
@login_required
def tag_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Archive (no longer offered; past check-ins keep it) or restore."""
    tag = own_tag(request, pk)
    if tag.archived_at is None:
        tag.archived_at = timezone.now()
        messages.success(request, f"Archived “{tag.name}”. Past check-ins keep it.")
    else:
        tag.archived_at = None
        messages.success(request, f"“{tag.name}” is back in your check-ins.")
    tag.save(update_fields=["archived_at"])
    return redirect("checkins:tags")


@require_POST
@login_required
def tag_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Swap the tag with its neighbour above or below among the active tags of its kind (and
    number that kind's tags afresh)."""
    tag = own_tag(request, pk)
    User.objects.lock_row(request.user)
    siblings = list(Tag.objects.for_user(request.user).active().filter(kind=tag.kind))
    index = next(i for i, t in enumerate(siblings) if t.pk == tag.pk)
    other = index - 1 if request.POST.get("direction") == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings):
            sibling.order = position
        Tag.objects.bulk_update(siblings, ["order"])
    return redirect("checkins:tags")
