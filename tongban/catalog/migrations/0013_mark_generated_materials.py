"""Mark the application forms whose guide already says the platform generates them (data migration).

Catalogs loaded before ``Material.generated_from_form`` existed said so only in words, in the material's 填报须知
("网上申请时由系统根据在线填报内容自动生成，无需另行上传"); those materials get the flag, so submissions stop demanding
them. ``update()`` on purpose: published guide parts refuse ``save()``.
"""

from django.db import migrations

GUIDE_WORDS = "由系统根据在线填报内容自动生成"


def mark(apps, schema_editor):  # type: ignore[no-untyped-def]
    Material = apps.get_model("catalog", "Material")
    Material.objects.filter(fill_notes__contains=GUIDE_WORDS).update(generated_from_form=True)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0012_material_generated_from_form"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
