"""The lifecycle as people read it: the chain's levels and viewflow's chart of the declared transitions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reviewflow.lifecycle import CHAIN, chart


@login_required
def lifecycle(request: HttpRequest) -> HttpResponse:
    return render(request, "workflow/lifecycle.html", {"chain": CHAIN, "chart": chart()})
