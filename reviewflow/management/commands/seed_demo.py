"""Create the demo organisation and its users; running it again changes nothing."""

from datetime import date

from django.core.management.base import BaseCommand
from django.db import transaction

from reviewflow.models import Official, OfficialTitle, Section, Unit, User
from reviewflow.services.freshness import ensure_default_schedules

PASSWORD = "reviewflow-demo"
UNIT = "隆阳区政务服务管理局"
PEOPLE = [
    # username, display name, section
    ("drafter", "张拟稿", "网络信息股"),
    ("section_head", "李股长", "网络信息股"),
    ("deputy", "王分管", "网络信息股"),
    ("head", "赵局长", "网络信息股"),
    ("drafter2", "陈拟稿", "办公室"),
    ("section_head2", "刘主任", "办公室"),
]
OFFICIALS = [
    # name, order of precedence, linked user, current titles, former titles with the day they ended
    ("赵明华", 1, "head", ("党组书记", "局长"), ()),
    ("王建国", 2, "deputy", ("党组成员", "副局长"), (("四级调研员", date(2025, 6, 30)),)),
    ("杨丽萍", 3, None, ("副局长",), ()),
]


class Command(BaseCommand):
    help = "Create the demo unit 隆阳区政务服务管理局, its sections and users (password reviewflow-demo)."

    @transaction.atomic
    def handle(self, *args, **options):
        unit, _ = Unit.objects.get_or_create(name=UNIT)
        sections = {name: Section.objects.get_or_create(unit=unit, name=name)[0] for name in ("网络信息股", "办公室")}
        users = {}
        for username, display_name, section in PEOPLE:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "display_name": display_name,
                    "section": sections[section],
                    "email": f"{username}@example.gov.cn",
                },
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            users[username] = user
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={
                "display_name": "系统管理员",
                "is_staff": True,
                "is_superuser": True,
                "section": sections["办公室"],
            },
        )
        if created:
            admin.set_password(PASSWORD)
            admin.save()
        for each in sections.values():
            ensure_default_schedules(each)
        unit.head = users["head"]
        unit.save()
        Section.objects.filter(pk=sections["网络信息股"].pk).update(head=users["section_head"], deputy=users["deputy"])
        Section.objects.filter(pk=sections["办公室"].pk).update(head=users["section_head2"], deputy=users["deputy"])
        self.seed_officials(unit, users)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo organisation ready: {UNIT}; users {', '.join(u for u, *_ in PEOPLE)}, admin; password {PASSWORD}"
            )
        )

    def seed_officials(self, unit: Unit, users: dict[str, User]) -> None:
        """The unit's leaders as texts name them, so that the demo flags a misspelt name or a wrong title."""
        for name, precedence, username, titles, former in OFFICIALS:
            official, created = Official.objects.get_or_create(
                unit=unit, name=name, defaults={"precedence": precedence, "user": users[username] if username else None}
            )
            if not created:
                continue
            OfficialTitle.objects.bulk_create(
                [OfficialTitle(official=official, title=t) for t in titles]
                + [OfficialTitle(official=official, title=t, ended_on=ended) for t, ended in former]
            )
