export interface StatementView {
  filename: string;
  csv: string;
}
