"""Data: set 办件公示 (``disclose_cases``) on existing versions from who the item serves.

A version whose service objects include an organisation (企业法人, 事业法人, 社会组织, 行政机关, 其他组织) is a
licence or filing matter whose results are public: disclosed. A version serving natural persons only (户口迁移,
无犯罪记录证明, 结婚登记, 低保 …) reveals personal circumstances: not disclosed (the field's default); three demo
items deviate by name (a sole proprietor's registration is public; job placement and assisted service are not). Published
versions are otherwise immutable; this initialises the new attribute once, it does not edit guide content.
"""

from django.db import migrations

ORGANISATION_CODES = {"2", "3", "4", "5", "6"}
# Demo-catalog items that deviate from the rule (tongban/catalog/demo_data/english.py DISCLOSE_OVERRIDES, frozen).
NAME_OVERRIDES = {"个体工商户登记": True, "职业介绍": False, "政务服务帮办代办": False}


def forwards(apps, schema_editor):
    ItemVersion = apps.get_model("catalog", "ItemVersion")
    rows = ItemVersion.objects.values_list("pk", "service_objects", "implementation__item__name")
    public = [
        pk
        for pk, objects, name in rows.iterator()
        if NAME_OVERRIDES.get(name, bool(ORGANISATION_CODES & {str(code) for code in (objects or [])}))
    ]
    for start in range(0, len(public), 500):
        ItemVersion.objects.filter(pk__in=public[start : start + 500]).update(disclose_cases=True)


def backwards(apps, schema_editor):
    apps.get_model("catalog", "ItemVersion").objects.update(disclose_cases=False)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0006_itemversion_disclose_cases"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
