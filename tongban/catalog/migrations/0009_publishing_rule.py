import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0008_itemversion_submitted_by'),
        ('organizations', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublishingRule',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('level', models.CharField(blank=True, choices=[('1', '国家级'), ('2', '省级'), ('3', '市级'), ('4', '县级'), ('5', '镇（乡、街道）级'), ('6', '村（社区）级'), ('7', '分级管理')], max_length=1, verbose_name='行使层级')),
                ('second_admin_required', models.BooleanField(default=True, verbose_name='须由第二名事项管理员发布')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='说明')),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.region', verbose_name='区划')),
            ],
            options={
                'verbose_name': '发布规则',
                'verbose_name_plural': '发布规则',
                'constraints': [models.UniqueConstraint(condition=models.Q(('region__isnull', False)), fields=('region',), name='publishingrule_one_per_region'), models.UniqueConstraint(condition=models.Q(('region__isnull', True)), fields=('level',), name='publishingrule_one_per_level'), models.CheckConstraint(condition=models.Q(('region__isnull', False), models.Q(('level', ''), _negated=True), _connector='OR'), name='publishingrule_has_scope')],
            },
        ),
    ]
