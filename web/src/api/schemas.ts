// The response schemas, in a chunk of their own: zod is not part of the first screen, it arrives after it and checks
// every answer (the context of the first screen just after it is shown).
export { BadSignatureAnswer, BootInfo, ClientReport, CustomerContext, FollowUpReceipt, GroupView, JssdkConfigResponse, Me, OpportunityCreated, SandboxCustomers, SandboxGroups, UploadedFile } from '@app/shared'
