export type {
  StatusDataSource, RequestOptions, PageOptions, Page, EventPage, LiveTopic, LiveUpdate, LiveListener,
} from './source.js';
export { DataSourceError, type DataSourceErrorKind } from './errors.js';
export { setDefaultSource, getDefaultSource, onDefaultSourceChange } from './default-source.js';
export { statusSourceContext } from './context.js';
