import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../api/gateway';
import { useCommand } from '../../api/use-command';
import type { ActionInput, ActionKind, SubjectKind } from './subjects';

/** What each action asks for, and nothing more. */
const needs: Record<ActionKind, { reason?: boolean; comment?: boolean; target?: boolean; role?: boolean }> = {
  approve: { comment: true },
  reject: { reason: true },
  return: { reason: true },
  transfer: { target: true },
  'add-reviewer': { target: true, role: true },
  copy: { target: true },
  remind: {},
};

const danger = new Set<ActionKind>(['reject']);

/** The actions an inbox item offers, each in a small form; the service answers who may really act. */
export function ApprovalActions(props: { item: InboxItem; kind: SubjectKind; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionInput>();
  const [open, setOpen] = useState<ActionKind | null>(null);
  const consultation = props.item.stepId.startsWith('consultation');
  const command = useCommand<ActionInput, unknown>({
    form,
    run: (input, idempotencyKey) => props.kind.act(props.item, input, idempotencyKey),
    success: t('actions.done'),
    invalidate: [['inbox'], ['submission'], ['finance'], ['personnel'], ['organization']],
    onSuccess: () => {
      setOpen(null);
      form.resetFields();
      props.onDone();
    },
  });
  const label = (action: ActionKind) =>
    consultation && action === 'approve'
      ? t('actions.approveConsultation')
      : consultation && action === 'reject'
        ? t('actions.objectConsultation')
        : t(`actions.${action}`);

  const decisions = props.item.kind === 'review' && props.item.status === 'open';
  const actions = props.kind.actions.filter((action) => decisions || action === 'remind');
  if (actions.length === 0) return null;
  const need = open ? needs[open] : {};

  return (
    <>
      <Space wrap>
        {actions.map((action) => (
          <Button
            key={action}
            type={action === 'approve' ? 'primary' : 'default'}
            danger={danger.has(action)}
            onClick={() => {
              form.resetFields();
              setOpen(action);
            }}
          >
            {label(action)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? label(open) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={command.pending}
        onCancel={() => setOpen(null)}
        onOk={() => void form.validateFields().then((values) => command.send({ ...values, action: open! }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {need.reason && (
            <Form.Item
              name="reason"
              label={t('actions.reason')}
              rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          )}
          {need.comment && (
            <Form.Item name="comment" label={t('actions.comment')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
          {need.target && (
            <Form.Item
              name="targetUserId"
              label={t('actions.targetUser')}
              rules={[{ required: true, whitespace: true, message: t('actions.targetUserRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {need.role && (
            <Form.Item name="targetRole" label={t('actions.targetRole')}>
              <Input maxLength={50} placeholder="admission-reviewer" />
            </Form.Item>
          )}
          {open === 'remind' && <p>{t('actions.remind')}？</p>}
        </Form>
      </Modal>
    </>
  );
}
