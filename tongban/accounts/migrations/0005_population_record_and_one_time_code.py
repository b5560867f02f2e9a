import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_user_lockout_moves_to_axes'),
    ]

    operations = [
        migrations.CreateModel(
            name='PopulationRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('id_number', models.CharField(max_length=18, unique=True, verbose_name='居民身份证号码')),
                ('name', models.CharField(max_length=100, verbose_name='姓名')),
                ('note', models.CharField(default='演示数据', max_length=100, verbose_name='说明')),
            ],
            options={
                'verbose_name': '人口库记录（演示）',
                'verbose_name_plural': '人口库记录（演示）',
            },
        ),
        migrations.CreateModel(
            name='OneTimeCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('challenge', models.CharField(max_length=64, unique=True, verbose_name='验证标识')),
                ('purpose', models.CharField(choices=[('registration', '注册'), ('password_reset', '找回密码'), ('window_confirmation', '窗口核验')], max_length=30, verbose_name='用途')),
                ('channel', models.CharField(choices=[('sms', '短信'), ('email', '电子邮件')], max_length=10, verbose_name='发送渠道')),
                ('destination', models.CharField(max_length=254, verbose_name='发送至')),
                ('code_hash', models.CharField(blank=True, max_length=64, verbose_name='验证码摘要')),
                ('payload', models.JSONField(blank=True, default=dict, verbose_name='待办数据')),
                ('attempts', models.PositiveIntegerField(default=0, verbose_name='错误次数')),
                ('expires_at', models.DateTimeField(verbose_name='过期时间')),
                ('used_at', models.DateTimeField(blank=True, null=True, verbose_name='使用时间')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='创建时间')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='one_time_codes', to=settings.AUTH_USER_MODEL, verbose_name='账号')),
            ],
            options={
                'verbose_name': '一次性验证码',
                'verbose_name_plural': '一次性验证码',
                'indexes': [models.Index(fields=['purpose', 'destination'], name='otc_purpose_dest_idx')],
            },
        ),
    ]
