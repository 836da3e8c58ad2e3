import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ConsultationView } from '@shared/contract';
import { setSession } from '../../miniprogram/src/services/session';
import { Checklist, NO_DRAFT, type Draft } from '../../miniprogram/src/packages/consultation/components/Checklist';
import { PlanStep } from '../../miniprogram/src/packages/consultation/components/host/PlanStep';
import { useAction } from '../../miniprogram/src/hooks/useAction';
import { fakeCloud } from './support/fakeCloud';

const DAY = 86_400_000;

/** A consultation at step 3 whose saved plan is complete: the server's checklist is empty. */
const view = {
  id: 'cs_1',
  communityId: 'c_xingfuli',
  step: 3,
  state: 'active',
  missing: [],
  plan: { meetingAt: Date.now() + 5 * DAY, place: '社区议事厅', invited: [], openSeats: 5, agenda: ['表决'], rule: 'majority', quorum: 2, options: ['同意', '不同意'] },
} as unknown as ConsultationView;

/** The host screen's part that matters here: the checklist above the step's form, told about the form's edit. */
function HostScreen() {
  const [draft, setDraft] = useState<Draft>(NO_DRAFT);
  const act = useAction();
  return (
    <>
      <Checklist missing={view.missing} nextName="发布公告" draft={draft} />
      <PlanStep view={view} act={act} apply={() => undefined} refresh={async () => undefined} onDraft={setDraft} />
    </>
  );
}

const input = (name: string) => document.querySelector(`[data-field="${name}"] input`) as HTMLInputElement;

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-host' });
  fakeCloud({ 'user.listCommunities': () => [{ id: 'c_xingfuli', name: '幸福里社区', streetId: 's', settings: {} }] });
});

test('the saved plan reads 本步骤已完成 until an edit is pending; an edit that breaks a rule is named, and never reads as done', async () => {
  render(<HostScreen />);
  await screen.findByText('本步骤已完成');
  expect(screen.queryByText('下方有未保存的修改')).toBeNull();

  fireEvent.change(input('quorum'), { target: { value: '9' } });
  await screen.findByText('下方有未保存的修改');
  expect(screen.getByText('参会名额少于法定人数')).toBeTruthy();
  expect(screen.queryByText('本步骤已完成')).toBeNull();
  expect(screen.getByText('已保存的内容可以进入下一步')).toBeTruthy();
  expect(document.querySelector('[data-testid="checklist"]')?.getAttribute('data-unsaved')).toBe('yes');

  fireEvent.click(screen.getByText('放弃修改，恢复已保存的方案'));
  await screen.findByText('本步骤已完成');
  expect(input('quorum').value).toBe('2');
  expect(screen.queryByText('下方有未保存的修改')).toBeNull();
});

test('an edit with nothing wrong still keeps the step from reading as done until it is saved', async () => {
  render(<HostScreen />);
  await screen.findByText('本步骤已完成');
  fireEvent.change(input('place'), { target: { value: '3号楼下空地' } });
  await screen.findByText('请保存，或放弃修改。进入下一步用的是已保存的内容。');
  expect(screen.queryByText('本步骤已完成')).toBeNull();
});
