"""The stand-ins page: a signer names who signs for them while away; an administrator may do it for anyone."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..errors import ReviewError
from ..models import StandIn, User
from ..services.standins import name_stand_in, revoke_stand_in


class StandInForm(forms.Form):
    principal = forms.ModelChoiceField(User.objects.none(), label=gettext_lazy("Signer"), required=False)
    stand_in = forms.ModelChoiceField(User.objects.none(), label=gettext_lazy("Stand-in"))
    starts_on = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200, required=False)

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(is_active=True).order_by("username")
        cast(forms.ModelChoiceField, self.fields["stand_in"]).queryset = people
        if user.is_superuser:
            cast(forms.ModelChoiceField, self.fields["principal"]).queryset = people
        else:
            del self.fields["principal"]


@login_required
def stand_ins(request):
    user = request.user
    form = StandInForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            name_stand_in(
                by=user,
                principal=data.get("principal") or user,
                stand_in=data["stand_in"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                reason=data["reason"],
            )
        except ReviewError as error:
            messages.error(request, error.text)
        else:
            messages.success(request, _("Stand-in named."))
            return redirect("stand-ins")
    records = StandIn.objects.select_related("principal", "stand_in").order_by("-starts_on", "-pk")
    if not user.is_superuser:
        records = records.filter(principal=user) | records.filter(stand_in=user)
    return render(request, "reviewflow/standins.html", {"form": form, "records": records[:200]})


@require_POST
@login_required
def revoke(request, stand_in_id: int):
    try:
        revoke_stand_in(by=request.user, stand_in_id=stand_in_id)
    except ReviewError as error:
        messages.error(request, error.text)
    else:
        messages.success(request, _("Stand-in revoked."))
    return redirect("stand-ins")
