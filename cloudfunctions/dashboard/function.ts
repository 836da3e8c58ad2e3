import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { exportExcel, exportList } from './excel';
import { community, street } from './summary';

export const dashboardFunction = defineFunction('dashboard', contract.dashboard, { community, street, exportList, exportExcel });
