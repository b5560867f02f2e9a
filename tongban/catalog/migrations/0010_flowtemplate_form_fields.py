from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0009_publishing_rule'),
    ]

    operations = [
        migrations.AddField(
            model_name='flowtemplate',
            name='form_fields',
            field=models.JSONField(blank=True, default=list, verbose_name='流程使用的表单字段'),
        ),
    ]
